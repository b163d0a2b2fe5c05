import pino from "pino";

export type Logger = pino.Logger;

/** Structured JSON logs; secrets never reach a line (cookies, passwords and tokens are redacted). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ["password", "*.password", "req.headers.cookie", "headers.cookie", "token", "*.token"],
      censor: "[redacted]",
    },
  });
}
