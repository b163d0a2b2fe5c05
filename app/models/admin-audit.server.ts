import { zonedToUtc } from "~/utils/zoned-time";
import type { AuditFilterInput } from "~/validation/admin";
import type { AuditFilters } from "./audit.server";

/** The platform's home zone: operators read and filter the log in Beijing time. */
export const AUDIT_ZONE = "Asia/Shanghai";

/** The start of a calendar day (YYYY-MM-DD) in the home zone, `plusDays` later; null if out of range. */
export function dayStart(day: string, plusDays = 0): Date | null {
  const [year, month, date] = day.split("-").map(Number);
  const shifted = new Date(Date.UTC(year, month - 1, date + plusDays));
  if (shifted.getUTCFullYear() > 9999) return null;
  const text = shifted.toISOString().slice(0, 10);
  return zonedToUtc(`${text}T00:00`, AUDIT_ZONE);
}

/**
 * The viewer's filters as listAudit takes them: `from` is the first instant of its day, `to` the first
 * instant after its day, so both ends take whole days as the reader's calendar shows them.
 */
export function auditFiltersOf(input: AuditFilterInput): AuditFilters {
  return {
    actor: input.who,
    action: input.action,
    allianceSlug: input.alliance,
    orgName: input.org,
    from: (input.from && dayStart(input.from)) || undefined,
    to: (input.to && dayStart(input.to, 1)) || undefined,
  };
}
