import { Link, useSearchParams } from "@remix-run/react";
import { StatusMessage } from "~/components/form/status-message";
import type { MessageKey } from "~/i18n/dictionary";
import { metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";

/** What the channel's settings and moderation pages share: their title, header and confirmations. */

type AdminChannel = { id: string; allianceSlug: string; allianceNameZh: string; allianceNameEn: string };

/** `<title>`: the page, then the channel once loaded, then the app. */
export function channelAdminTitle(
  matches: Parameters<typeof metaTranslator>[0],
  key: MessageKey,
  channelName: string | undefined,
) {
  const t = metaTranslator(matches);
  const title = t(key);
  return [{ title: channelName ? `${title} · #${channelName} · ${t("common.appName")}` : title }];
}

/**
 * The alliance above the heading, a way back to the channel and to the other admin page when the
 * viewer may use it; below, what the last submission did (`?done=…`, one of `confirmations`).
 */
export function ChannelAdminHeader({
  channel,
  heading,
  lead,
  other,
  confirmations,
}: {
  channel: AdminChannel;
  heading: string;
  lead?: string;
  other: { to: string; label: string } | null;
  confirmations: Record<string, MessageKey>;
}) {
  const t = useT();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const confirmation = done && Object.hasOwn(confirmations, done) ? confirmations[done] : null;
  return (
    <>
      <header>
        <p className="text-sm text-slate-500">
          <Link
            to={`/alliances/${channel.allianceSlug}`}
            className="text-teal-700 underline hover:text-teal-900"
          >
            {pick(locale, channel.allianceNameZh, channel.allianceNameEn)}
          </Link>
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-slate-900">{heading}</h1>
        {lead && <p className="mt-2 text-sm text-slate-600">{lead}</p>}
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          <Link to={`/channels/${channel.id}`} className="text-teal-700 underline hover:text-teal-900">
            {t("channelAdmin.backToChannel")}
          </Link>
          {other && (
            <Link to={other.to} className="text-teal-700 underline hover:text-teal-900">
              {other.label}
            </Link>
          )}
        </p>
      </header>
      {confirmation && <StatusMessage>{t(confirmation)}</StatusMessage>}
    </>
  );
}
