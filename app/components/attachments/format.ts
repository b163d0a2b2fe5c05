import type { MessageKey } from "~/i18n/dictionary";
import type { Locale } from "~/i18n/locales";

/** "PDF", "Image", … for a sniffed MIME type. */
export function fileKind(mime: string): MessageKey {
  if (mime === "application/pdf") return "attachment.kind.pdf";
  if (mime.startsWith("image/")) return "attachment.kind.image";
  if (mime.includes("wordprocessingml")) return "attachment.kind.document";
  if (mime.includes("spreadsheetml")) return "attachment.kind.sheet";
  if (mime.includes("presentationml")) return "attachment.kind.slides";
  return "attachment.kind.text";
}

/** 512 B, 34 KB, 1.2 MB — in the page's number format. */
export function formatBytes(locale: Locale, bytes: number): string {
  const units = ["B", "KB", "MB"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
