import { Form, useNavigation } from "@remix-run/react";
import { SubmitButton } from "~/components/form/submit-button";
import { StatusMessage } from "~/components/form/status-message";
import { useLocale, useT } from "~/i18n/use-t";
import { PERIOD_ZONE } from "~/models/insights/period";
import { formatInZone } from "~/utils/zoned-time";

export type RefreshOutcome = "queued" | "pending";

type Props = {
  refreshedAt: string | null;
  /** Operators may ask for a rebuild instead of waiting for the next one. */
  canRefresh: boolean;
  refreshed: RefreshOutcome | null;
};

/** When the figures were computed, since they come from a rollup rather than live counts. */
export function AsOf({ refreshedAt, canRefresh, refreshed }: Props) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formData?.get("intent") === "refresh";
  return (
    <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600">
      <p>
        {refreshedAt ? (
          <>
            {t("insights.asOf.label", {
              time: formatInZone(new Date(refreshedAt), { locale, timeZone: PERIOD_ZONE }),
            })}{" "}
            <span className="print:hidden">{t("insights.asOf.note")}</span>
          </>
        ) : (
          t("insights.asOf.never")
        )}
      </p>
      {canRefresh && (
        <Form method="post" className="print:hidden">
          <SubmitButton name="intent" value="refresh" variant="secondary" pending={pending}>
            {t("insights.refresh.submit")}
          </SubmitButton>
        </Form>
      )}
      {refreshed && (
        <div className="w-full print:hidden">
          <StatusMessage>
            {t(refreshed === "queued" ? "insights.refresh.queued" : "insights.refresh.pending")}
          </StatusMessage>
        </div>
      )}
    </div>
  );
}
