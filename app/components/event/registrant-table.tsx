import { useFetcher } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { Registrant } from "~/models/event-registrants.server";
import { formatInZone } from "~/utils/zoned-time";

type Props = {
  rows: Registrant[];
  waitlist: boolean;
  timeZone: string;
  /** May check people in (`event.manage`): the confirmed table gets its buttons. */
  manage: boolean;
};

type ButtonReply = { ok: boolean; error?: string };

/** One registrant's check-in state, and the button that checks them in or takes it back. */
function CheckInCell({ row, timeZone, manage }: { row: Registrant; timeZone: string; manage: boolean }) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<ButtonReply>({ key: `check-in-${row.id}` });
  const checkedIn = row.checkedInAt !== null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={`check-in-${row.code}`}>
      <span className={checkedIn ? "text-teal-800" : "text-slate-500"}>
        {checkedIn
          ? t("eventCheckIn.checkedInAt", {
              time: formatInZone(new Date(row.checkedInAt!), { locale, timeZone }),
            })
          : t("eventCheckIn.notCheckedIn")}
      </span>
      {manage && (
        <fetcher.Form method="post" preventScrollReset>
          <input type="hidden" name="registrationId" value={row.id} />
          <button
            type="submit"
            name="intent"
            value={checkedIn ? "undo" : "checkIn"}
            aria-label={t(checkedIn ? "eventCheckIn.undoFor" : "eventCheckIn.checkInFor", {
              name: row.displayName,
            })}
            aria-busy={fetcher.state !== "idle" || undefined}
            disabled={fetcher.state !== "idle"}
            className={
              checkedIn
                ? "rounded-md border border-slate-300 px-2 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-50"
                : "rounded-md bg-teal-700 px-2 py-1 text-xs font-semibold text-white hover:bg-teal-800"
            }
          >
            {t(checkedIn ? "eventCheckIn.undo" : "eventCheckIn.checkIn")}
          </button>
        </fetcher.Form>
      )}
    </div>
  );
}

/** Registrants of one occurrence, confirmed (with check-in) or on the waitlist (with their place). */
export function RegistrantTable({ rows, waitlist, timeZone, manage }: Props) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {waitlist && <th className="py-1 pr-3">{t("eventRegistration.registrants.position")}</th>}
            <th className="py-1 pr-3">{t("eventRegistration.registrants.name")}</th>
            <th className="py-1 pr-3">{t("eventRegistration.registrants.org")}</th>
            <th className="py-1 pr-3">{t("eventRegistration.registrants.email")}</th>
            <th className="py-1 pr-3">{t("eventRegistration.registrants.code")}</th>
            {!waitlist && <th className="py-1">{t("eventCheckIn.checkInColumn")}</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              {waitlist && <td className="py-1 pr-3">{row.position}</td>}
              <td className="py-1 pr-3">{row.displayName}</td>
              <td className="py-1 pr-3">
                {row.orgNameZh && row.orgNameEn ? pick(locale, row.orgNameZh, row.orgNameEn) : ""}
              </td>
              <td className="py-1 pr-3">{row.email}</td>
              <td className="py-1 pr-3 font-mono">{row.code}</td>
              {!waitlist && (
                <td className="py-1">
                  <CheckInCell row={row} timeZone={timeZone} manage={manage} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
