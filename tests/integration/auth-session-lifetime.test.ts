import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "../../db/schema/index";
import { client, connect, refusal, subscribe } from "../setup/live";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";
import { deleteExpiredSessions } from "~/utils/auth.server";
import { userTopic } from "~/realtime/topics";
import { post, signUp } from "./auth-helpers";

const DAY = 24 * 60 * 60 * 1000;
const idOf = (cookie: string) => cookie.split("=")[1];
const sessionLines = (res: Response) =>
  res.headers.getSetCookie().filter((line) => line.startsWith("qilian_session="));

/**
 * Lucia extends a session once half of its 30 days have passed, in the database, on whichever check
 * comes first; the browser must get the extended cookie from that same response, whatever kind it is.
 */
describe("30-day sliding sessions", () => {
  const counter = useQueryCounter();
  // A getter: the proxy's address exists only once its beforeAll (registered first) has run.
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });
  const db = () => server.services.db;

  const expiryOf = async (sessionId: string) =>
    (await db().select({ at: sessions.expiresAt }).from(sessions).where(eq(sessions.id, sessionId)))[0]?.at;
  const setExpiry = (sessionId: string, at: Date) =>
    db().update(sessions).set({ expiresAt: at }).where(eq(sessions.id, sessionId));

  /** A signed-up account whose session has 10 days left: past the half-life, so the next check extends it. */
  async function ageingAccount() {
    const account = await signUp(server);
    const sessionId = idOf(account.cookie);
    await setExpiry(sessionId, new Date(Date.now() + 10 * DAY));
    return { ...account, sessionId };
  }

  /** The response renews this session's cookie for 30 days, once, and the database row moved with it. */
  async function expectExtended(res: Response, account: { cookie: string; sessionId: string }) {
    expect(sessionLines(res)).toHaveLength(1);
    expect(sessionLines(res)[0]).toMatch(new RegExp(`^${account.cookie};.*Max-Age=${(30 * DAY) / 1000}`));
    expect((await expiryOf(account.sessionId))!.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
  }

  it("renews the cookie on a page view that reads the session in two loaders", async () => {
    const account = await ageingAccount();
    const res = await server.fetch("/settings", { headers: { cookie: account.cookie } });
    expect(res.status).toBe(200);
    await expectExtended(res, account);
  });

  it("renews the cookie on a single-fetch data request", async () => {
    const account = await ageingAccount();
    const res = await server.fetch("/settings.data", { headers: { cookie: account.cookie } });
    expect(res.status).toBe(200);
    await expectExtended(res, account);
  });

  it("renews the cookie on an action that redirects", async () => {
    const account = await ageingAccount();
    const res = await server.fetch("/settings", post({ intent: "sessions" }, { cookie: account.cookie }));
    expect(res.status).toBe(303);
    await expectExtended(res, account);
  });

  it("renews the cookie on a form posted without JavaScript and answered with errors", async () => {
    const account = await ageingAccount();
    const res = await server.fetch(
      "/settings",
      post({ intent: "profile", displayName: " ", locale: "en" }, { cookie: account.cookie }),
    );
    expect(res.status).toBe(400);
    await expectExtended(res, account);
  });

  it("sends no session cookie while the session is in its first half", async () => {
    const account = await signUp(server);
    const res = await server.fetch("/settings", { headers: { cookie: account.cookie } });
    expect(res.status).toBe(200);
    expect(sessionLines(res)).toEqual([]);
  });

  it("clears the cookie of an expired session", async () => {
    const account = await signUp(server);
    await setExpiry(idOf(account.cookie), new Date(Date.now() - 1000));
    const res = await server.fetch("/", { headers: { cookie: account.cookie } });
    expect(res.status).toBe(200);
    expect(sessionLines(res)).toEqual([expect.stringMatching(/^qilian_session=;.*Max-Age=0/)]);
    expect(await expiryOf(idOf(account.cookie))).toBeUndefined();
  });

  it("logs in with only the new session's cookie when the old one was due for renewal", async () => {
    const account = await ageingAccount();
    const res = await server.fetch(
      "/login",
      post({ email: account.email, password: account.password }, { cookie: account.cookie }),
    );
    expect(res.status).toBe(303);
    const [line, ...more] = sessionLines(res);
    expect(more).toEqual([]);
    expect(line).toMatch(/^qilian_session=\w+;.*Max-Age=2592000/);
    expect(line).not.toContain(account.sessionId);
    expect(await expiryOf(account.sessionId)).toBeUndefined();
    const cookie = line.split(";")[0];
    expect((await server.fetch("/settings", { headers: { cookie } })).status).toBe(200);
  });

  it("logs out with only the clearing cookie when the session was due for renewal", async () => {
    const account = await ageingAccount();
    const res = await server.fetch("/logout", { method: "POST", headers: { cookie: account.cookie } });
    expect(res.status).toBe(303);
    expect(sessionLines(res)).toEqual([expect.stringMatching(/^qilian_session=;.*Max-Age=0/)]);
  });

  it("does not extend a session from a socket, which cannot renew the browser's cookie", async () => {
    const account = await ageingAccount();
    const before = await expiryOf(account.sessionId);
    const socket = await connect(client(server.url, { cookie: account.cookie }));
    const [user] = await db()
      .select({ userId: sessions.userId })
      .from(sessions)
      .where(eq(sessions.id, account.sessionId));
    expect(await subscribe(socket, { topic: userTopic(user.userId), after: 0 })).toMatchObject({ ok: true });
    socket.close();
    expect(await expiryOf(account.sessionId)).toEqual(before);
  });

  it("refuses a socket whose session has expired", async () => {
    const account = await signUp(server);
    await setExpiry(idOf(account.cookie), new Date(Date.now() - 1000));
    const error = await refusal(client(server.url, { cookie: account.cookie }));
    expect(error.data?.code).toBe("unauthenticated");
  });

  it("checks the session once per request, however many loaders ask", async () => {
    const account = await signUp(server);
    const counts: number[] = [];
    // The fewest of several tries: a pool may open a connection, which queries types.
    for (let i = 0; i < 3; i++) {
      counts.push(
        await counter.count(async () => {
          const res = await server.fetch("/settings", { headers: { cookie: account.cookie } });
          expect(res.status).toBe(200);
          await res.text();
        }),
      );
    }
    // The session with its user, checked once though root and settings both ask; then the bell's unread
    // count, the count of other sessions, the user's own settings (privacy, reminders, calendar feed) and
    // the organizations the user represents.
    expect(Math.min(...counts)).toBe(5);
  });

  it("deletes expired sessions and keeps live ones", async () => {
    const account = await signUp(server);
    const [{ userId }] = await db()
      .select({ userId: sessions.userId })
      .from(sessions)
      .where(eq(sessions.id, idOf(account.cookie)));
    const expired = crypto.randomUUID();
    await db()
      .insert(sessions)
      .values({ id: expired, userId, expiresAt: new Date(Date.now() - 1000) });
    await deleteExpiredSessions(server.services);
    expect(await expiryOf(expired)).toBeUndefined();
    expect(await expiryOf(idOf(account.cookie))).toBeDefined();
  });
});
