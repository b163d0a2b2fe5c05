import { Form, useNavigation } from "@remix-run/react";
import { ErrorList } from "~/components/form/error-list";
import { controlClass } from "~/components/form/styles";
import { SubmitButton } from "~/components/form/submit-button";
import { formatDay } from "~/components/org/format";
import { useLocale, useT } from "~/i18n/use-t";
import { confirmPeriods } from "~/validation/resource";

/** Asked ahead of time too, so a listing need not lapse before its owner confirms it. */
const SOON_DAYS = 30;

const dayOf = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * The owner's side of the page: confirm it is still current (for how long), withdraw it, or list a
 * withdrawn one again. Past its expiry the question is asked plainly, above everything else.
 */
export function ManagePanel({
  expiresOn,
  expired,
  withdrawn,
  today,
  errors,
  confirmedUntil,
}: {
  expiresOn: string;
  expired: boolean;
  withdrawn: boolean;
  today: string;
  errors?: string[];
  confirmedUntil?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const pending = useNavigation().state === "submitting";
  const day = formatDay(locale, dayOf(expiresOn));
  const soon = dayOf(expiresOn).getTime() - dayOf(today).getTime() <= SOON_DAYS * 86_400_000;
  if (withdrawn) {
    return (
      <Form method="post" className="mt-4 flex flex-wrap items-center gap-3">
        <SubmitButton name="intent" value="relist" variant="secondary" pending={pending}>
          {t("resource.relist.submit")}
        </SubmitButton>
        <ErrorList errors={errors} />
      </Form>
    );
  }
  return (
    <section
      aria-label={t("resource.manage.title")}
      className={`mt-4 rounded-xl p-4 ring-1 ${expired ? "bg-amber-50 ring-amber-300" : "bg-slate-50 ring-slate-200"}`}
    >
      {confirmedUntil && (
        <p role="status" className="mb-2 text-sm font-medium text-emerald-800">
          {t("resource.confirm.done", { date: formatDay(locale, dayOf(confirmedUntil)) })}
        </p>
      )}
      {expired ? (
        <p className="text-sm font-medium text-amber-900">{t("resource.expiry.ask", { date: day })}</p>
      ) : (
        soon && <p className="text-sm text-slate-700">{t("resource.expiry.soon", { date: day })}</p>
      )}
      <div className="mt-2 flex flex-wrap items-end gap-4">
        {(expired || soon) && (
          <Form method="post" className="flex flex-wrap items-end gap-2">
            <label className="text-sm text-slate-800">
              {t("resource.confirm.months")}
              <select name="months" defaultValue="12" className={`${controlClass} w-32`}>
                {confirmPeriods.map((months) => (
                  <option key={months} value={months}>
                    {t(`resource.confirm.period.${months}`)}
                  </option>
                ))}
              </select>
            </label>
            <SubmitButton name="intent" value="confirm" pending={pending}>
              {t("resource.confirm.submit")}
            </SubmitButton>
          </Form>
        )}
        <Form method="post">
          <SubmitButton
            name="intent"
            value="withdraw"
            variant="secondary"
            pending={pending}
            aria-describedby="withdraw-hint"
          >
            {t("resource.withdraw.submit")}
          </SubmitButton>
        </Form>
      </div>
      <p id="withdraw-hint" className="mt-2 text-xs text-slate-500">
        {t("resource.withdraw.hint")}
      </p>
      <ErrorList errors={errors} />
    </section>
  );
}
