import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { InquiryPanel as PanelData } from "~/models/inquiry-panel.server";
import { undecided } from "~/validation/inquiry";
import { AskForm } from "./ask-form";
import { InquiryStatusBadge } from "./status-badge";

const linkClass = "text-teal-700 underline hover:text-teal-900";

/**
 * The resource page's inquiry panel: the ask form for those who may ask, a link to their own inquiry,
 * and for the provider how many arrived with a link to them. Organizers see counts on the alliance's
 * tab, never here.
 */
export function InquiryPanel({ resourceId, panel }: { resourceId: string; panel: PanelData }) {
  const t = useT();
  const endedBefore = panel.mine !== null && !undecided.includes(panel.mine.status);
  return (
    <section aria-labelledby="inquiries" className="mt-10" data-inquiry-panel>
      <h2 id="inquiries" className="text-lg font-semibold text-slate-900">
        {t("inquiry.panel.title")}
      </h2>
      {panel.signIn && (
        <p className="mt-2 text-sm text-slate-600">
          <Link
            to={`/login?${new URLSearchParams({ redirectTo: `/resources/${resourceId}` })}`}
            className={linkClass}
          >
            {t("inquiry.panel.signIn")}
          </Link>
        </p>
      )}
      {panel.received && (
        <p className="mt-2 text-sm text-slate-700">
          {t("inquiry.panel.received", {
            total: String(panel.received.total),
            waiting: String(panel.received.waiting),
          })}{" "}
          <Link to="/inquiries?side=received" className={linkClass}>
            {t("inquiry.panel.receivedLink")}
          </Link>
        </p>
      )}
      {panel.mine && (
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <Link to={`/inquiries/${panel.mine.id}`} className={linkClass}>
            {t("inquiry.panel.mine", { status: t(`inquiry.status.${panel.mine.status}`) })}
          </Link>
          <InquiryStatusBadge status={panel.mine.status} />
        </p>
      )}
      {panel.ask ? (
        <>
          <p className="mt-2 text-sm text-slate-600">
            {endedBefore ? t("inquiry.panel.again") : t("inquiry.panel.lead")}
          </p>
          <AskForm resourceId={resourceId} problems={panel.ask.problems} orgs={panel.ask.orgs} />
        </>
      ) : (
        panel.unavailable && <p className="mt-2 text-sm text-slate-600">{t("inquiry.panel.unavailable")}</p>
      )}
    </section>
  );
}
