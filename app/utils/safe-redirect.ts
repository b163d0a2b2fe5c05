/** A `redirectTo` that stays on this site: a path starting with a single "/", otherwise `fallback`. */
export function safeRedirectPath(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  // Browsers read "//host" and "/\host" as another site; control characters (stripped by URL parsers) can hide either.
  if (to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if ([...to].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return fallback;
  return to;
}
