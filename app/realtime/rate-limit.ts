/**
 * Token buckets, in process: each key may spend `burst` at once, then `perSecond` on average. Memory
 * stays bounded by forgetting buckets that have filled up again (they behave exactly like new ones).
 *
 * In process on purpose: a user's sockets and requests usually reach one process, and a limit that is
 * twice as generous for a user spread over two processes still stops a flood.
 */
export type LimitOptions = { burst: number; perSecond: number; now?: () => number };

type Bucket = { tokens: number; at: number };

/** How often, at most, full buckets are swept out. */
const SWEEP_MS = 60_000;

export class RateLimiter {
  readonly #burst: number;
  readonly #perMs: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  #sweptAt: number;

  constructor({ burst, perSecond, now = Date.now }: LimitOptions) {
    this.#burst = burst;
    this.#perMs = perSecond / 1000;
    this.#now = now;
    this.#sweptAt = now();
  }

  /** Spends one token of `key`: 0 when there was one, else the milliseconds until there will be. */
  take(key: string): number {
    const now = this.#now();
    this.#sweep(now);
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: now };
    const tokens = Math.min(this.#burst, bucket.tokens + Math.max(0, now - bucket.at) * this.#perMs);
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, at: now });
      return Math.ceil((1 - tokens) / this.#perMs);
    }
    this.#buckets.set(key, { tokens: tokens - 1, at: now });
    return 0;
  }

  /** How many keys are remembered (for tests). */
  get size(): number {
    return this.#buckets.size;
  }

  #sweep(now: number): void {
    if (now - this.#sweptAt < SWEEP_MS) return;
    this.#sweptAt = now;
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.at) * this.#perMs >= this.#burst) this.#buckets.delete(key);
    }
  }
}

/** Messages sent per user: a burst of 10, then one a second. */
export const SEND_LIMIT = { burst: 10, perSecond: 1 } as const;

/**
 * Subscribes per socket: a reconnecting page re-subscribes every topic it follows at once (up to the
 * 200 a socket may hold), then 20 a second.
 */
export const JOIN_LIMIT = { burst: 200, perSecond: 20 } as const;

const SHARED = Symbol.for("qilian.realtime.send-limiter");

/**
 * The process's one send limiter. Sockets (server code) and the HTTP form (the Remix build, which holds
 * its own copy of every module) must spend from the same buckets, hence a global registered by name.
 */
export function sendLimiter(): RateLimiter {
  const holder = globalThis as { [SHARED]?: RateLimiter };
  return (holder[SHARED] ??= new RateLimiter(SEND_LIMIT));
}
