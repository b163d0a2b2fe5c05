import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type RequestHandler } from "express";
import helmet from "helmet";
import { UPLOAD_PATH } from "~/files/limits";
import { detectLocale, translate } from "~/i18n/detect";
import { pingDatabase } from "~/models/health.server";
import type { Config } from "~/utils/env.server";
import type { RequestContext, Services } from "./context.server";
import { isAllowedOrigin } from "./origin.server";
import { trackSessionCookie } from "./session-cookie.server";

type Options = {
  services: Services;
  getBuild: () => Promise<ServerBuild>;
  mode: "development" | "production" | "test";
};

export function createHttpApp({ services, getBuild, mode }: Options) {
  const { config, log } = services;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);

  app.use(requestLog(services));
  app.use(securityHeaders(mode, config));
  app.use(compression());

  app.get("/healthz", health(services));
  // Remix fingerprints everything under /build, so those files never change: cache them for a year.
  app.use("/build", express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve("public"), { maxAge: "1h" }));

  app.use(rejectForeignOrigins(services));
  app.use(limitBodySize(MAX_FORM_BYTES));

  app.all(
    "*",
    createRequestHandler({
      build: getBuild,
      mode,
      getLoadContext: (req, res): RequestContext => ({
        services,
        requestId: res.locals.requestId,
        cspNonce: res.locals.cspNonce,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        requestLog: res.locals.requestLog,
        session: trackSessionCookie(res),
      }),
    }),
  );
  app.use(((error, req, res, _next) => {
    log.error({ err: error, reqId: res.locals.requestId }, "unhandled error");
    if (!res.headersSent)
      res
        .status(500)
        .type("text/plain")
        .send(translate(detectLocale(req.headers), "error.500"));
  }) as express.ErrorRequestHandler);
  return app;
}

/** Paths that carry a secret (an invitation's token) are logged without it. */
export function loggablePath(path: string): string {
  return path.replace(/^\/invitations\/[^/]+/, "/invitations/[token]");
}

/** One line per request with its id, status, duration and (when signed in) user. */
function requestLog({ log }: Services): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get("x-request-id");
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    res.locals.requestLog = {} as RequestContext["requestLog"];
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        {
          reqId: requestId,
          userId: res.locals.requestLog.userId,
          method: req.method,
          path: loggablePath(req.path),
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        "request",
      );
    });
    next();
  };
}

function securityHeaders(mode: Options["mode"], config: Config): RequestHandler {
  const headers = (nonce: string, host: string | undefined) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "script-src": ["'self'", `'nonce-${nonce}'`],
          // Socket.IO connects back to this server; 'self' covers ws(s) only in CSP3 browsers, so name the hosts.
          "connect-src": [
            "'self'",
            ...socketOrigins(config.publicUrl.host, host),
            ...(mode === "development" ? ["ws://localhost:3001"] : []),
          ],
          "img-src": ["'self'", "data:"],
          "upgrade-insecure-requests": null,
        },
      },
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    });
  return (req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    headers(res.locals.cspNonce, req.get("host"))(req, res, next);
  };
}

/** WebSocket origins of the public host and the host the page was requested from (they differ behind proxies). */
function socketOrigins(publicHost: string, requestHost: string | undefined): string[] {
  const hosts = new Set([publicHost]);
  if (requestHost && /^[\w.-]+(:\d+)?$|^\[[\da-f:]+\](:\d+)?$/i.test(requestHost)) hosts.add(requestHost);
  return [...hosts].flatMap((host) => [`ws://${host}`, `wss://${host}`]);
}

/** CSRF defence (lucia's approach): every state-changing request must come from our own origin. */
function rejectForeignOrigins({ config, log }: Services): RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    if (isAllowedOrigin(req.get("origin"), req.get("host"), config)) return next();
    log.warn({ reqId: res.locals.requestId, origin: req.get("origin") ?? null }, "foreign origin refused");
    res
      .status(403)
      .type("text/plain")
      .send(translate(detectLocale(req.headers), "error.origin"));
  };
}

/** Forms are small; Remix would otherwise read any body into memory. Uploads have their own limit. */
const MAX_FORM_BYTES = 1024 * 1024;

function limitBodySize(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    // Uploads stream their bodies through their own capped reader (app/files/upload.server.ts).
    if (req.method === "POST" && UPLOAD_PATH.test(req.path)) return next();
    const length = req.get("content-length");
    // Browsers send a length with every form; a streamed body of unknown size could be any size.
    if (length === undefined && req.get("transfer-encoding")) {
      res
        .status(411)
        .set("Connection", "close")
        .type("text/plain")
        .send(translate(detectLocale(req.headers), "error.411"));
      return;
    }
    if (Number(length ?? 0) <= maxBytes) return next();
    res
      .status(413)
      .set("Connection", "close")
      .type("text/plain")
      .send(translate(detectLocale(req.headers), "error.413"));
  };
}

/** 200 when PostgreSQL answers, 503 within a second when it does not. */
function health({ db, log }: Services): RequestHandler {
  return async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("database did not answer within 1s")), 1000);
    });
    try {
      await Promise.race([pingDatabase(db), timeout]);
      res.set("Cache-Control", "no-store").json({ status: "ok" });
    } catch (error) {
      // The reason goes to the log, not to whoever asks: this endpoint is public.
      log.error({ err: error }, "health check failed");
      res.status(503).set("Cache-Control", "no-store").json({ status: "unavailable" });
    } finally {
      clearTimeout(timer);
    }
  };
}
