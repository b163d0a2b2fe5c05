import { createRequire } from "node:module";
import type * as Ws from "ws";

/**
 * The `ws` that Socket.IO itself runs on (engine.io's copy on the server, engine.io-client's in the
 * clients), so the raw baseline differs from us only by what Socket.IO and Qilian add. The project does
 * not depend on `ws` directly; the top-level copy is an older one pulled in by the Remix dev tools.
 */
const require = createRequire(import.meta.url);

function wsBeside(packageName: string): typeof Ws {
  return createRequire(require.resolve(packageName))("ws");
}

export const serverWs = () => wsBeside("engine.io");
export const clientWs = () => wsBeside("engine.io-client");
