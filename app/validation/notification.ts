import { z } from "zod";

/** The notifications page's buttons: open one (marking it read on the way) or mark them all read. */
export const notificationActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("read"),
    id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    href: z.string().max(2000).optional(),
  }),
  z.object({ intent: z.literal("readAll") }),
]);

/**
 * Where following a notification may lead: a path on this site. "//host" and "/\host" are read by
 * browsers as another site, and control characters can smuggle either in, so all are refused.
 */
export function localPath(href: string | undefined): string | null {
  if (!href || !href.startsWith("/") || href.startsWith("//")) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(href)) return null;
  return href;
}

/** The `before` cursor of a page link; anything but a positive id means the first page. */
export function parseBefore(value: string | null): number | undefined {
  if (!value || !/^[1-9]\d{0,15}$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : undefined;
}
