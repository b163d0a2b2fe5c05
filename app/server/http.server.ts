import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type RequestHandler } from "express";
import helmet from "helmet";
import { sql } from "drizzle-orm";
import { detectLocale, translate } from "~/i18n/detect";
import type { RequestContext, Services } from "./context.server";
import { isAllowedOrigin } from "./origin.server";

type Options = {
  services: Services;
  getBuild: () => Promise<ServerBuild>;
  mode: "development" | "production" | "test";
};

export function createHttpApp({ services, getBuild, mode }: Options) {
  const { config, log } = services;
  const app = express();
  app.disable("x-powered-by");
  if (config.TRUST_PROXY) app.set("trust proxy", true);

  app.use(requestLog(services));
  app.use(securityHeaders(mode));
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
      }),
    }),
  );
  app.use(((error, req, res, _next) => {
    log.error({ err: error, reqId: res.locals.requestId }, "unhandled error");
    if (!res.headersSent) res.status(500).type("text/plain").send(translate(detectLocale(req.headers), "error.500"));
  }) as express.ErrorRequestHandler);
  return app;
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
          path: req.path,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        "request",
      );
    });
    next();
  };
}

function securityHeaders(mode: Options["mode"]): RequestHandler {
  const headers = (nonce: string) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "script-src": ["'self'", `'nonce-${nonce}'`],
          // Socket.IO connects back to this origin; 'self' covers ws(s) only in CSP3 browsers, so name it too.
          "connect-src": ["'self'", "ws:", "wss:", ...(mode === "development" ? ["ws://localhost:3001"] : [])],
          "img-src": ["'self'", "data:"],
          "upgrade-insecure-requests": null,
        },
      },
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    });
  return (req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    headers(res.locals.cspNonce)(req, res, next);
  };
}

/** CSRF defence (lucia's approach): every state-changing request must come from our own origin. */
function rejectForeignOrigins({ config, log }: Services): RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    if (isAllowedOrigin(req.get("origin"), req.get("host"), config)) return next();
    log.warn({ reqId: res.locals.requestId, origin: req.get("origin") ?? null }, "foreign origin refused");
    res.status(403).type("text/plain").send(translate(detectLocale(req.headers), "error.origin"));
  };
}

/** Forms are small; Remix would otherwise read any body into memory. Uploads will get their own route-level limit. */
const MAX_FORM_BYTES = 1024 * 1024;

function limitBodySize(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    if (Number(req.get("content-length") ?? 0) <= maxBytes) return next();
    res.status(413).set("Connection", "close").type("text/plain").send(translate(detectLocale(req.headers), "error.413"));
  };
}

/** 200 when PostgreSQL answers, 503 within a second when it does not. */
function health({ db }: Services): RequestHandler {
  return async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("database did not answer within 1s")), 1000);
    });
    try {
      await Promise.race([db.execute(sql`select 1`), timeout]);
      res.set("Cache-Control", "no-store").json({ status: "ok" });
    } catch (error) {
      res.status(503).set("Cache-Control", "no-store").json({ status: "unavailable", error: String(error) });
    } finally {
      clearTimeout(timer);
    }
  };
}
