import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const postgresUrl = z
  .string()
  .url({ message: "must be a URL such as postgres://user:pass@host:5432/db" })
  .refine((v) => /^postgres(ql)?:\/\//.test(v), { message: "must start with postgres:// or postgresql://" });

/** Every setting Qilian reads from the environment. `.env.example` documents each one. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number({ message: "must be a number" }).int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    PUBLIC_URL: z.string().url({ message: "must be a URL such as https://qilian.example.org" }).optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    DATABASE_URL: postgresUrl.optional(),
    REDIS_URL: z
      .string()
      .url()
      .refine((v) => /^rediss?:\/\//.test(v), { message: "must start with redis:// or rediss://" })
      .optional(),
    SMTP_URL: z
      .string()
      .url()
      .refine((v) => /^smtps?:\/\//.test(v), { message: "must start with smtp:// or smtps://" })
      .optional(),
    MAIL_FROM: z.string().min(3).default("Qilian <noreply@qilian.local>"),
    ADMIN_EMAIL: z.string().email({ message: "must be an email address" }).optional(),
    ADMIN_PASSWORD: z.string().min(8, { message: "must have at least 8 characters" }).max(256).optional(),
    /** Unset: seed when the public URL is this machine (a local trial), never for a real deployment. */
    SEED_DEMO: bool.optional(),
    /**
     * Run the job queue (reminders) in this process. On by default; several processes may all run it.
     * Off for a process that should only serve requests (and for test servers that count queries).
     */
    BACKGROUND_JOBS: bool.default("true"),
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d+|[\w.:/-]+(\s*,\s*[\w.:/-]+)*)$/, {
        message:
          "must be false, a number of proxy hops, or a comma-separated list of proxy addresses/subnets",
      })
      .default("false"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [env.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"],
        message: "ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export type Config = Omit<Env, "SEED_DEMO" | "TRUST_PROXY"> & {
  publicUrl: URL;
  dataDir: string;
  secureCookies: boolean;
  seedDemo: boolean;
  /** Express's "trust proxy": false, a hop count, or addresses/subnets of the proxies. */
  trustProxy: false | number | string;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment once; throws a ConfigError naming every bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const byVariable = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "environment");
      if (byVariable.has(name)) continue;
      const value = source[name];
      // URLs and passwords may hold credentials: never echo them.
      const shown = value === undefined || /PASSWORD|SECRET|URL/.test(name) ? "" : ` (got "${value}")`;
      byVariable.set(name, `${name}: ${issue.message}${shown}`);
    }
    throw new ConfigError([...byVariable.values()]);
  }
  const { SEED_DEMO, TRUST_PROXY, ...env } = parsed.data;
  const publicUrl = new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`);
  return {
    ...env,
    publicUrl,
    dataDir: path.resolve(env.DATA_DIR),
    secureCookies: publicUrl.protocol === "https:",
    // The demo's accounts share a published password: a deployment gets them only when it asks.
    seedDemo: SEED_DEMO ?? isLocalHost(publicUrl.hostname),
    trustProxy: parseTrustProxy(TRUST_PROXY),
  };
}

function isLocalHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/**
 * "true" means one proxy in front, not "believe any X-Forwarded-For": trusting every hop would let a
 * client choose its own address and walk past per-address throttling.
 */
function parseTrustProxy(value: string): false | number | string {
  if (value === "false" || value === "0") return false;
  if (value === "true") return 1;
  return /^\d+$/.test(value) ? Number(value) : value;
}
