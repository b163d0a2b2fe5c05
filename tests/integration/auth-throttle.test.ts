import { describe, expect, it } from "vitest";
import { useTestServer } from "../setup/server";
import { ACCOUNT_LIMIT, IP_LIMIT } from "~/models/login-throttle.server";
import { SIGNUP_IP_LIMIT } from "~/models/signup-throttle.server";
import { alertText, newAccount, post, signUp } from "./auth-helpers";

/**
 * Behind a trusted proxy the client address comes from X-Forwarded-For, which lets one test play
 * many clients. Each test uses its own accounts and addresses, so they do not share counters.
 */
describe("log-in throttling", () => {
  const server = useTestServer({ TRUST_PROXY: "true" });
  const attempt = (email: string, password: string, ip: string, headers: Record<string, string> = {}) =>
    server.fetch("/login", post({ email, password }, { "x-forwarded-for": ip, ...headers }));

  it("blocks an account after 5 failures in 15 minutes, even from other addresses and with the right password", async () => {
    const account = await signUp(server);
    for (let i = 1; i <= 5; i++) {
      expect((await attempt(account.email, `wrong ${i}`, `10.0.1.${i}`)).status).toBe(400);
    }
    const blocked = await attempt(account.email, account.password, "10.0.1.99", { "accept-language": "en" });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(alertText(await blocked.text())).toBe(
      "Too many failed log-in attempts. Please try again in 15 min.",
    );

    const zh = await attempt(account.email.toUpperCase(), account.password, "10.0.1.98");
    expect(zh.status).toBe(429);
    expect(alertText(await zh.text())).toBe("登录失败次数过多，请在 15 分钟后再试。");

    // Another account from the same addresses is unaffected.
    const other = await signUp(server);
    expect((await attempt(other.email, other.password, "10.0.1.1")).status).toBe(303);
  });

  it("blocks an address after 20 failures in 15 minutes, whichever accounts it tried", async () => {
    for (let i = 1; i <= 20; i++) {
      expect((await attempt(`guess${i}@example.com`, "password1", "10.0.2.1")).status).toBe(400);
    }
    const account = await signUp(server);
    const blocked = await attempt(account.email, account.password, "10.0.2.1", { "accept-language": "en" });
    expect(blocked.status).toBe(429);
    expect(alertText(await blocked.text())).toMatch(/Too many failed log-in attempts/);
    expect((await attempt(account.email, account.password, "10.0.2.2")).status).toBe(303);
  });

  /** Fires the attempts at once and tallies the answers by status. */
  async function inParallel(attempts: Array<() => Promise<Response>>) {
    const statuses = await Promise.all(attempts.map(async (send) => (await send()).status));
    const tally: Record<number, number> = {};
    for (const status of statuses) tally[status] = (tally[status] ?? 0) + 1;
    return tally;
  }

  it("checks at most 5 passwords of an account however many guesses arrive at once", async () => {
    const account = await signUp(server);
    const tally = await inParallel(
      Array.from({ length: 30 }, (_, i) => () => attempt(account.email, `wrong ${i}`, `10.0.4.${i + 1}`)),
    );
    expect(tally).toEqual({ 400: ACCOUNT_LIMIT, 429: 30 - ACCOUNT_LIMIT });
    expect((await attempt(account.email, account.password, "10.0.4.99")).status).toBe(429);
  });

  it("checks at most 20 passwords from an address however many guesses arrive at once", async () => {
    const tally = await inParallel(
      Array.from({ length: 30 }, (_, i) => () => attempt(`burst${i}@example.com`, "password1", "10.0.5.1")),
    );
    expect(tally).toEqual({ 400: IP_LIMIT, 429: 30 - IP_LIMIT });
  });

  it("counts wrong current passwords in the settings against the account, parallel ones included", async () => {
    const account = await signUp(server, {}, { "x-forwarded-for": "10.0.6.1" });
    const change = (currentPassword: string, ip: string) =>
      server.fetch(
        "/settings",
        post(
          {
            intent: "password",
            currentPassword,
            newPassword: "a new secret",
            confirmPassword: "a new secret",
          },
          { cookie: account.cookie, "x-forwarded-for": ip },
        ),
      );
    const tally = await inParallel(
      Array.from({ length: 15 }, (_, i) => () => change(`wrong ${i}`, `10.0.6.${i + 2}`)),
    );
    expect(tally).toEqual({ 400: ACCOUNT_LIMIT, 429: 15 - ACCOUNT_LIMIT });
    // The same limit closes the log-in form, and the right current password waits too.
    expect((await attempt(account.email, account.password, "10.0.6.99")).status).toBe(429);
    expect((await change(account.password, "10.0.6.98")).status).toBe(429);
  });

  it("forgives an account's failures once it logs in", async () => {
    const account = await signUp(server);
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i <= 4; i++) {
        expect((await attempt(account.email, "wrong", `10.0.3.${round * 10 + i}`)).status).toBe(400);
      }
      expect((await attempt(account.email, account.password, "10.0.3.100")).status).toBe(303);
    }
  });
});

describe("sign-up throttling", () => {
  const server = useTestServer({ TRUST_PROXY: "true" });

  it(`allows ${SIGNUP_IP_LIMIT} sign-ups an hour from one address, then refuses with a clear message`, async () => {
    for (let i = 0; i < SIGNUP_IP_LIMIT; i++) {
      await signUp(server, {}, { "x-forwarded-for": "10.0.9.1" });
    }
    const blocked = await server.fetch(
      "/signup",
      post(newAccount(), { "x-forwarded-for": "10.0.9.1", "accept-language": "en" }),
    );
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(59 * 60);
    expect(alertText(await blocked.text())).toBe(
      "Too many sign-ups from this network. Please try again in 60 min.",
    );
    await signUp(server, {}, { "x-forwarded-for": "10.0.9.2" });
  });

  it("counts refused sign-ups too, so taken emails cannot be probed without limit, parallel ones included", async () => {
    const taken = await signUp(server, {}, { "x-forwarded-for": "10.0.9.3" });
    const probes = await Promise.all(
      Array.from({ length: SIGNUP_IP_LIMIT + 5 }, () =>
        server.fetch("/signup", post(newAccount({ email: taken.email }), { "x-forwarded-for": "10.0.9.4" })),
      ),
    );
    const statuses = probes.map((res) => res.status).sort((a, b) => a - b);
    expect(statuses).toEqual([...Array(SIGNUP_IP_LIMIT).fill(400), ...Array(5).fill(429)]);
    const fresh = await server.fetch("/signup", post(newAccount(), { "x-forwarded-for": "10.0.9.4" }));
    expect(fresh.status).toBe(429);
  });
});
