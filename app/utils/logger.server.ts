import pino from "pino";

export type Logger = pino.Logger;

/** Structured JSON logs; secrets never reach a line (cookies, passwords, tokens and query parameters). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      serializers: { err: serializeError },
      redact: {
        paths: ["password", "*.password", "req.headers.cookie", "headers.cookie", "token", "*.token"],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

/**
 * drizzle wraps database errors as "Failed query: <sql>\nparams: <values>" and keeps the values in
 * `params`; those values are session ids, password hashes, emails. The SQL stays (it has placeholders).
 */
export function serializeError(error: unknown): unknown {
  return scrub(pino.stdSerializers.err(error as Error));
}

const PARAMS = /\nparams:[\s\S]*/;

function scrub(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === "params") continue;
    out[key] =
      typeof field === "string" && (key === "message" || key === "stack")
        ? field.replace(PARAMS, "")
        : scrub(field);
  }
  return out;
}
