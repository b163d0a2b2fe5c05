import type { DestinationStream } from "pino";

/** pino's number for `error`; `fatal` (60) counts too. */
const ERROR_LEVEL = 50;

type Entry = { level: number; msg?: string; err?: { type?: string; message?: string; stack?: string } };

/**
 * A pino destination that keeps every entry at level error or above. The server catches its own failures
 * (a 500 page, a refused socket event) and logs them instead of calling console.error, so this is how a
 * test learns that the server hit an error it did not expect.
 */
export function createErrorLog() {
  let entries: string[] = [];
  let expected: RegExp[] = [];

  const destination: DestinationStream = {
    write(line: string) {
      const entry = JSON.parse(line) as Entry;
      if (entry.level >= ERROR_LEVEL) entries.push(describeEntry(entry));
    },
  };

  return {
    destination,
    /** The current test provokes an error log on purpose: one matching `pattern` must be logged, and is then allowed. */
    expect(pattern: RegExp) {
      expected.push(pattern);
    },
    /** Empties the record; returns what nobody expected, and the expectations nothing matched. */
    take(): { unexpected: string[]; unmet: RegExp[] } {
      const unmet = expected.filter((pattern) => !entries.some((entry) => pattern.test(entry)));
      const unexpected = entries.filter((entry) => !expected.some((pattern) => pattern.test(entry)));
      entries = [];
      expected = [];
      return { unexpected, unmet };
    },
  };
}

/** The message, and the error with its stack, so a failing test shows where the server went wrong. */
function describeEntry({ msg, err }: Entry): string {
  if (!err) return msg ?? "(no message)";
  return `${msg ?? "(no message)"}: ${err.stack ?? `${err.type}: ${err.message}`}`;
}
