import { expect } from "vitest";
import type { useTestServer } from "../setup/server";

type Server = ReturnType<typeof useTestServer>;

/** A form POST as a browser without JavaScript sends it. */
export function post(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields),
  };
}

/** The Set-Cookie line for `name`, or undefined. */
export function setCookie(res: Response, name: string): string | undefined {
  return res.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
}

/** "name=value" from a Set-Cookie line, ready for a Cookie header. */
export function cookiePair(line: string | undefined): string {
  expect(line).toBeDefined();
  return line!.split(";")[0];
}

export const sessionCookie = (res: Response) => cookiePair(setCookie(res, "qilian_session"));

let counter = 0;
/** A fresh, valid sign-up. */
export function newAccount(overrides: Record<string, string> = {}) {
  counter += 1;
  return {
    email: `user${counter}-${Date.now()}@example.com`,
    password: "correct horse battery",
    displayName: `测试用户 ${counter}`,
    ...overrides,
  };
}

/** Signs up and returns the account with its session cookie. */
export async function signUp(
  server: Server,
  overrides: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const account = newAccount(overrides);
  const res = await server.fetch("/signup", post(account, headers));
  expect(res.status).toBe(303);
  return { ...account, cookie: sessionCookie(res) };
}

/** Logs in and returns the session cookie. */
export async function logIn(server: Server, email: string, password: string) {
  const res = await server.fetch("/login", post({ email, password }));
  expect(res.status).toBe(303);
  return sessionCookie(res);
}

/** The text of the page's alert box (form-level errors). */
export function alertText(html: string): string | undefined {
  return html
    .match(/role="alert"[^>]*>([\s\S]*?)<\/div>/)?.[1]
    .replace(/<[^>]+>/g, "")
    .trim();
}

/** The errors listed under a field (conform's "<form>-<field>-error" id). */
export function fieldErrors(html: string, formId: string, field: string): string | undefined {
  return html
    .match(new RegExp(`id="${formId}-${field}-error"[^>]*>([\\s\\S]*?)</ul>`))?.[1]
    .replace(/<[^>]+>/g, "")
    .trim();
}
