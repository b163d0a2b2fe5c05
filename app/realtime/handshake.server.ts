import type { IncomingMessage } from "node:http";
import type { ExtendedError, Socket } from "socket.io";
import { isAllowedOrigin } from "~/server/origin.server";
import type { Services } from "~/server/context.server";
import { checkSessionCookie } from "~/utils/auth.server";
import type { HandshakeErrorData } from "./protocol";

export type SocketData = { userId: string; sessionId: string };

type Deps = Pick<Services, "config" | "db" | "log">;

/**
 * Engine-level guard against cross-site WebSocket hijacking: a page on another origin could otherwise
 * open a socket carrying the user's cookie. Refused before any Socket.IO session exists, so the client
 * sees a transport error (HTTP 400/403), not a coded connect_error.
 */
export function allowSameOrigin({ config, log }: Deps) {
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
    if (isAllowedOrigin(req.headers.origin, req.headers.host, config)) return callback(null, true);
    log.warn(
      { origin: req.headers.origin ?? null, component: "realtime" },
      "socket from a foreign origin refused",
    );
    callback("origin not allowed", false);
  };
}

/**
 * Socket.IO middleware: only signed-in users connect; their socket remembers whose it is. The check
 * does not extend the session: a socket cannot hand the browser the longer-lived cookie.
 */
export function authenticate(deps: Deps) {
  return async (socket: Socket, next: (err?: ExtendedError) => void) => {
    try {
      const session = await checkSessionCookie(deps, socket.handshake.headers.cookie);
      if (!session) return next(handshakeError("sign in to receive live updates", "unauthenticated"));
      const data: SocketData = { userId: session.user.id, sessionId: session.sessionId };
      socket.data = data;
      next();
    } catch (error) {
      deps.log.error({ err: error, component: "realtime" }, "socket handshake failed");
      next(handshakeError("live updates are unavailable", "internal"));
    }
  };
}

function handshakeError(message: string, code: HandshakeErrorData["code"]): ExtendedError {
  const error: ExtendedError = new Error(message);
  error.data = { code } satisfies HandshakeErrorData;
  return error;
}
