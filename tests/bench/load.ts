import http from "node:http";

/**
 * Load generator, run in its own process (pinned to its own core by run.ts): sends `requests` GETs to
 * `url` over `concurrency` keep-alive connections and prints {rps, p50, p95} as JSON.
 */
const [url, requestsArg, concurrencyArg] = process.argv.slice(2);
const total = Number(requestsArg);
const concurrency = Number(concurrencyArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latencies: number[] = [];
let sent = 0;

function once(): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get(url, { agent, headers: { "accept-language": "zh-CN" } }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`));
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          resolve();
        });
      })
      .on("error", reject);
  });
}

async function worker() {
  while (sent < total) {
    sent++;
    await once();
  }
}

const started = process.hrtime.bigint();
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
latencies.sort((a, b) => a - b);
const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
console.log(JSON.stringify({ rps: total / seconds, p50: pick(0.5), p95: pick(0.95) }));
agent.destroy();
