import { Link } from "@remix-run/react";
import { focusRing } from "~/components/layout/nav-items";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { ChannelName } from "./channel-name";

export type HeaderChannel = {
  id: string;
  name: string;
  description: string;
  kind: "general" | "open" | "private";
  archived: boolean;
  alliance: { slug: string; nameZh: string; nameEn: string };
  manage: boolean;
  moderate: boolean;
};

/** The channel's name, what it is for, who it is for, and the organizers' ways into its settings. */
export function ChannelHeader({ channel }: { channel: HeaderChannel }) {
  const t = useT();
  const locale = useLocale();
  const link = `rounded text-sm font-medium text-teal-700 underline-offset-2 hover:underline ${focusRing}`;
  return (
    <header className="border-b border-slate-200 bg-white px-4 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 id="channel-title" className="min-w-0 text-lg font-bold text-slate-900">
          <ChannelName name={channel.name} kind={channel.kind} />
        </h1>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
          {t(`channel.kind.${channel.kind}`)}
        </span>
        {channel.archived && (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
            {t("channel.archived")}
          </span>
        )}
        <span className="ml-auto flex gap-4">
          {channel.moderate && (
            <Link to={`/channels/${channel.id}/moderation`} className={link}>
              {t("channel.moderation")}
            </Link>
          )}
          {channel.manage && (
            <Link to={`/channels/${channel.id}/settings`} className={link}>
              {t("channel.settings")}
            </Link>
          )}
        </span>
      </div>
      <p className="mt-0.5 text-sm text-slate-600">
        <Link to={`/alliances/${channel.alliance.slug}/channels`} className={`text-slate-500 ${link}`}>
          {pick(locale, channel.alliance.nameZh, channel.alliance.nameEn)}
        </Link>
        {channel.description && <span className="ml-2">{channel.description}</span>}
      </p>
      {channel.archived && (
        <p role="status" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("channel.archivedNotice")}
        </p>
      )}
    </header>
  );
}
