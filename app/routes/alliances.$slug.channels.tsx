import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChannelName } from "~/components/channel/channel-name";
import { UnreadBadge } from "~/components/channel/unread-badge";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { focusRing } from "~/components/layout/nav-items";
import { metaLocale, metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { listAllianceChannels, type ChannelListItem } from "~/models/channel-list.server";
import { requireAllianceRight } from "~/utils/alliance-guard.server";
import { canInAlliance } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  const parent = matches.find((match) => match.id === "routes/alliances.$slug")?.data as
    { alliance?: { nameZh: string; nameEn: string } } | undefined;
  const name = parent?.alliance
    ? ` · ${pick(metaLocale(matches), parent.alliance.nameZh, parent.alliance.nameEn)}`
    : "";
  return [{ title: `${t("channel.title")}${name} · ${t("common.appName")}` }];
};

/** The alliance's channels the viewer can read, with their unread counts (members and up). One query. */
export async function loader(args: LoaderFunctionArgs) {
  const { alliance, role, user } = await requireAllianceRight(args, "channel.read");
  const channels = await listAllianceChannels(args.context.services.db, user.id, alliance.id, role);
  return {
    channels,
    create: canInAlliance(role, "channel.create") && alliance.archivedAt === null,
    newPath: `/alliances/${alliance.slug}/channels/new`,
  };
}

export default function AllianceChannels() {
  const { channels, create, newPath } = useLoaderData<typeof loader>();
  const t = useT();
  const open = channels.filter((c) => !c.archived);
  const archived = channels.filter((c) => c.archived);
  return (
    <section aria-labelledby="alliance-channels-title">
      <h2 id="alliance-channels-title" className="sr-only">
        {t("channel.title")}
      </h2>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <p className="text-slate-600">{t("channel.tab.lead")}</p>
        {create && (
          <Link
            to={newPath}
            className="rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800"
          >
            {t("channel.tab.new")}
          </Link>
        )}
      </div>
      <ChannelCards channels={open} />
      {archived.length > 0 && (
        <>
          <h3 className="mt-8 text-sm font-semibold text-slate-500">{t("channel.tab.archived")}</h3>
          <ChannelCards channels={archived} />
        </>
      )}
    </section>
  );
}

function ChannelCards({ channels }: { channels: ChannelListItem[] }) {
  const t = useT();
  return (
    <ul className="mt-4 divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
      {channels.map((channel) => (
        <li key={channel.id} data-channel={channel.id}>
          <Link
            to={`/channels/${channel.id}`}
            className={`flex items-start gap-4 px-4 py-3 hover:bg-slate-50 ${focusRing}`}
          >
            <span className="min-w-0 flex-1">
              <span className="flex items-center gap-2">
                <ChannelName
                  name={channel.name}
                  kind={channel.kind}
                  className={`font-semibold ${channel.unread > 0 ? "text-slate-900" : "text-slate-800"}`}
                />
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">
                  {t(`channel.kind.${channel.kind}`)}
                </span>
              </span>
              {channel.description && (
                <span className="mt-1 block text-sm text-slate-600">{channel.description}</span>
              )}
            </span>
            <UnreadBadge unread={channel.unread} mentions={channel.mentions} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
