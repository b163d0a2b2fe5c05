const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

/**
 * What a browser would make of the URL's start: it drops tabs and newlines anywhere and trims
 * control characters and spaces at the ends, so `java\tscript:` must be judged as `javascript:`.
 */
function asBrowserReadsIt(url: string): string {
  const value = url.replace(/[\t\n\r]/g, "");
  // Trimmed by hand: a regex anchored at the end would rescan every run of spaces (quadratic).
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  return value.slice(start, end);
}

/**
 * Whether user Markdown may link to `url`: http, https and mailto, or a path on this site. Anything
 * else with a colon before its first `/`, `?` or `#` names a scheme (or tries to hide one behind
 * percent-encoding), and `//host` or `/\host` leave the site without saying how, so both are refused.
 */
export function isAllowedLink(url: string): boolean {
  const value = asBrowserReadsIt(url);
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(value);
  if (scheme) return ALLOWED_SCHEMES.has(scheme[1].toLowerCase());
  if (/^[^/?#]*:/.test(value)) return false;
  return !/^[/\\]{2}/.test(value);
}

/** Links that leave the platform open in a new tab and pass it no referrer or ranking. */
export function isExternalLink(url: string): boolean {
  return /^https?:/i.test(url);
}
