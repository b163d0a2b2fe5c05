import { performance } from "node:perf_hooks";

/** One timed case: `run(i)` is called for the i-th run, so cases can vary their input. */
export type Case = { name: string; run: (i: number) => Promise<unknown> };

type Timing = { p50: number; p95: number; p99: number };

/** `warmUp` untimed runs, then `iterations` timed one at a time. */
async function time(run: Case["run"], warmUp: number, iterations: number): Promise<Timing> {
  for (let i = 0; i < warmUp; i++) await run(i);
  const ms: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run(i);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** Columns line up in a terminal: Chinese characters take two cells. */
const width = (text: string) => [...text].reduce((n, c) => n + (/\p{Script=Han}/u.test(c) ? 2 : 1), 0);
const pad = (text: string, to: number, side: "start" | "end") => {
  const fill = " ".repeat(Math.max(0, to - width(text)));
  return side === "end" ? text + fill : fill + text;
};

/**
 * Times every case and prints p50/p95/p99 with PASS/FAIL against a p95 target. The first case is the
 * reference (a primary-key fetch), and every other p95 is also shown as a multiple of its p95.
 */
export async function timeAndPrint(
  cases: readonly Case[],
  options: { warmUp: number; iterations: number; targetP95Ms: number; heading: () => string },
): Promise<void> {
  const results: (Timing & { name: string })[] = [];
  for (const c of cases)
    results.push({ name: c.name, ...(await time(c.run, options.warmUp, options.iterations)) });
  console.log(`\n${options.heading()}\n`);
  const [pk] = results;
  const header = ["case", "p50 ms", "p95 ms", "p99 ms", "p95 ÷ PK p95", `p95 ≤ ${options.targetP95Ms} ms`];
  const rows = results.map((r) => [
    r.name,
    r.p50.toFixed(2),
    r.p95.toFixed(2),
    r.p99.toFixed(2),
    r === pk ? "1.0" : (r.p95 / pk.p95).toFixed(1),
    r === pk ? "(reference)" : r.p95 <= options.targetP95Ms ? "PASS" : "FAIL",
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  for (const row of [header, widths.map((w) => "-".repeat(w)), ...rows]) {
    console.log(row.map((cell, i) => pad(cell, widths[i], i === 0 ? "end" : "start")).join(" | "));
  }
}
