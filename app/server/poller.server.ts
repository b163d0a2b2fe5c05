import type { Logger } from "~/utils/logger.server";

/**
 * The shell of a background worker that polls the database (the mail sender, the job runner): work is
 * written inside other transactions in any process and becomes visible when they commit, so each
 * process looks every `pollMs` rather than hooking into every commit.
 */
export type Poller = {
  /** Runs one pass now; resolves once this process has no pass in flight. */
  drain(): Promise<void>;
  /** Stops polling and waits for the pass in progress. */
  stop(): Promise<void>;
};

export function startPoller(options: {
  pollMs: number;
  log: Logger;
  /** Logged when a pass fails; the next poll tries again. */
  failure: string;
  /** One pass: claim and do what is due until nothing is, or `signal` aborts. */
  pass: (signal: AbortSignal) => Promise<void>;
}): Poller {
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const inFlight = new Set<Promise<void>>();

  const drain = async (): Promise<void> => {
    // A pass already under way holds the rows it claimed, which this one skips: wait for it as well.
    const earlier = Promise.allSettled([...inFlight]);
    const run = options.pass(stopping.signal);
    inFlight.add(run);
    try {
      await run;
    } finally {
      inFlight.delete(run);
      await earlier;
    }
  };

  const poll = () => {
    drain()
      .catch((error: unknown) => {
        if (!stopping.signal.aborted) options.log.warn({ err: error }, options.failure);
      })
      .finally(() => {
        if (!stopping.signal.aborted) timer = setTimeout(poll, options.pollMs);
      });
  };
  poll();

  return {
    drain,
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}

const ERROR_MAX = 1000;

/** An error as one line for a `last_error` column. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, ERROR_MAX);
}
