import type { Config } from "~/utils/env.server";
import type { Db } from "~/utils/db.server";
import type { Logger } from "~/utils/logger.server";
import type { Realtime } from "~/realtime/types";
import type { RequestSession } from "./session-cookie.server";

/**
 * What server.ts hands to every loader and action. Routes get services from here, never from a module
 * singleton: the Remix bundle holds its own copy of every module, so only the context is shared.
 */
export type Services = {
  config: Config;
  db: Db;
  log: Logger;
  realtime: Realtime;
};

export type RequestContext = {
  services: Services;
  requestId: string;
  cspNonce: string;
  /** The client's address (Express `req.ip`, which honours TRUST_PROXY): log-in throttling keys on it. */
  clientIp: string;
  /** Filled in by auth once the session is known, so the request log line names the user. */
  requestLog: { userId?: string };
  /** The session check, memoized for the request, and the refreshed cookie it owes the response. */
  session: RequestSession;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}
