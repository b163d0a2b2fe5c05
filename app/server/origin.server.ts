import type { Config } from "~/utils/env.server";

/**
 * A request (HTTP or a socket handshake) is same-origin when its Origin is the public URL's origin or
 * names the host it was sent to. A missing Origin is refused: browsers send it on every non-GET request.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  config: Config,
): boolean {
  if (!origin) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === config.publicUrl.origin) return true;
  return (
    Boolean(host) && parsed.host === host && (parsed.protocol === "http:" || parsed.protocol === "https:")
  );
}
