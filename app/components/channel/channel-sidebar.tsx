import { Link, NavLink } from "@remix-run/react";
import { focusRing } from "~/components/layout/nav-items";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { ChannelSidebar as Sidebar, SidebarChannel } from "~/models/channel-list.server";
import { ChannelName } from "./channel-name";
import { UnreadBadge } from "./unread-badge";

/**
 * The viewer's alliances and their channels, each with its unread count; archived channels folded
 * away. `idPrefix` keeps ids unique where the page shows it twice (beside the channel, and folded on
 * small screens).
 */
export function ChannelSidebar({ sidebar, idPrefix }: { sidebar: Sidebar; idPrefix: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <nav aria-label={t("channel.sidebar.label")} className="flex flex-col gap-6 py-4" data-channel-sidebar>
      {sidebar.alliances.map((alliance) => {
        const open = alliance.channels.filter((c) => !c.archived);
        const archived = alliance.channels.filter((c) => c.archived);
        return (
          <section key={alliance.id} aria-labelledby={`${idPrefix}-${alliance.id}`}>
            <h2 id={`${idPrefix}-${alliance.id}`} className="flex items-center gap-2 px-3">
              <Link
                to={`/alliances/${alliance.slug}/channels`}
                className={`min-w-0 truncate rounded text-xs font-semibold text-slate-500 hover:text-slate-800 ${focusRing}`}
              >
                {pick(locale, alliance.nameZh, alliance.nameEn)}
              </Link>
              <span data-alliance-unread={alliance.id} className="ml-auto flex shrink-0">
                <UnreadBadge unread={alliance.unread} mentions={alliance.mentions} />
              </span>
            </h2>
            <ul className="mt-1 flex flex-col gap-0.5">
              {open.map((channel) => (
                <ChannelLink key={channel.id} channel={channel} />
              ))}
            </ul>
            {archived.length > 0 && (
              <details className="mt-1 px-3">
                <summary className="cursor-pointer text-xs text-slate-500 hover:text-slate-800">
                  {t("channel.sidebar.archived", { count: archived.length })}
                </summary>
                <ul className="-mx-3 mt-1 flex flex-col gap-0.5">
                  {archived.map((channel) => (
                    <ChannelLink key={channel.id} channel={channel} />
                  ))}
                </ul>
              </details>
            )}
          </section>
        );
      })}
    </nav>
  );
}

function ChannelLink({ channel }: { channel: SidebarChannel }) {
  return (
    <li>
      <NavLink
        to={`/channels/${channel.id}`}
        data-channel-link={channel.id}
        className={({ isActive }) =>
          `flex items-center gap-2 rounded-md px-3 py-1.5 text-sm ${focusRing} ${
            isActive
              ? "bg-teal-50 font-semibold text-teal-900"
              : channel.unread > 0
                ? "font-semibold text-slate-900 hover:bg-slate-100"
                : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
          }`
        }
      >
        <ChannelName name={channel.name} kind={channel.kind} />
        <UnreadBadge unread={channel.unread} mentions={channel.mentions} />
      </NavLink>
    </li>
  );
}
