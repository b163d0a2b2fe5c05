import { defaultLocale, isLocale, localeCookieName, type Locale } from "./locales";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** The language cookie wins; then the best Accept-Language match; zh-CN when nothing matches. */
export function detectLocale(headers: HeaderSource): Locale {
  const cookie = header(headers, "cookie");
  const chosen = cookie
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === localeCookieName)?.[1];
  if (isLocale(chosen)) return chosen;
  return fromAcceptLanguage(header(headers, "accept-language"));
}

export function fromAcceptLanguage(value: string | undefined): Locale {
  if (!value) return defaultLocale;
  const ranked = value
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return defaultLocale;
}

export { translate } from "./translate";
