import { describe, expect, it } from "vitest";
import { useTestServer } from "../setup/server";

describe("server", () => {
  const server = useTestServer();

  it("answers the health check while the database is up", async () => {
    const res = await server.fetch("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("refuses a state-changing request without an Origin", async () => {
    const res = await fetch(new URL("/", server.url), { method: "POST" });
    expect(res.status).toBe(403);
  });

  it("refuses a state-changing request from a foreign Origin, in the user's language", async () => {
    const res = await server.fetch("/", {
      method: "POST",
      headers: { origin: "https://evil.example", "accept-language": "en-US,en;q=0.9" },
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/origin not allowed/i);
  });

  it("serves fingerprinted assets with a year-long immutable cache", async () => {
    const html = await (await server.fetch("/")).text();
    const asset = html.match(/\/build\/[^"]+\.js/)?.[0];
    expect(asset).toBeDefined();
    const res = await server.fetch(asset!);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/max-age=31536000.*immutable/);
  });

  it("sends a CSP whose script nonce matches the page's inline scripts", async () => {
    const res = await server.fetch("/");
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    const host = new URL(server.url).host;
    // Socket.IO may reach this server, and no other WebSocket host (a bare ws: scheme would allow any).
    expect(csp).toMatch(new RegExp(`connect-src 'self' ws://${host} wss://${host}[;]?`));
    expect(csp).not.toMatch(/connect-src[^;]*\bwss?:(\s|;|$)/);
    expect(await res.text()).toContain(`nonce="${nonce}"`);
  });
});

describe("request bodies", () => {
  const server = useTestServer();

  it("refuses a body over 1 MiB with 413, in the user's language", async () => {
    const res = await server.fetch("/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": "en" },
      body: `email=${"a".repeat(1024 * 1024 + 1)}`,
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toBe("What you sent is too large.");
  });

  it("refuses a streamed body of unknown length with 411 rather than reading it whole", async () => {
    const chunk = new TextEncoder().encode("a".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await server.fetch("/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": "en" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(411);
  });
});
