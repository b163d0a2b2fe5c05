import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { AllianceCards } from "~/components/home/alliance-cards";
import { ChainSequences } from "~/components/home/chain-sequences";
import { toFeed } from "~/components/home/feed";
import { Hero } from "~/components/home/hero";
import { LiveFeed } from "~/components/home/live-feed";
import { metaTranslator } from "~/i18n/meta";
import { recentActivities } from "~/models/activity.server";
import { listAlliances } from "~/models/alliances.server";
import { listChains } from "~/models/chains.server";
import { platformCounts } from "~/models/stats.server";
import { PLATFORM_TOPIC } from "~/realtime/topics";
import { can } from "~/utils/permissions.server";
import { getOptionalUser } from "~/utils/session.server";
import type { loader as rootLoader } from "~/root";

const FEED_SIZE = 10;

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: t("home.meta.title") }, { name: "description", content: t("home.meta.description") }];
};

/** A fixed number of queries, however many alliances, chains and nodes there are (tests count them). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { db } = context.services;
  // The feed names people, so the policy table decides who reads it, as it does for the live topic.
  const feed = getOptionalUser({ request, context }).then(({ user }) =>
    can(user, "platform.read") ? recentActivities(db, PLATFORM_TOPIC, FEED_SIZE) : [],
  );
  const [alliances, chains, counts, recent] = await Promise.all([
    listAlliances(db),
    listChains(db),
    platformCounts(db),
    feed,
  ]);
  // The newest id is where the live panel's catch-up starts, so nothing between render and connect is lost.
  return { alliances, chains, counts, feed: toFeed(recent), after: recent[0]?.id ?? 0 };
}

export default function Home() {
  const { alliances, chains, counts, feed, after } = useLoaderData<typeof loader>();
  const signedIn = Boolean(useRouteLoaderData<typeof rootLoader>("root")?.user);
  return (
    <>
      <Hero counts={counts} signedIn={signedIn} />
      <AllianceCards alliances={alliances} />
      <div className="mx-auto grid max-w-7xl gap-8 px-4 pt-14 sm:px-6 lg:grid-cols-3 lg:px-8">
        <div className="lg:col-span-2">
          <ChainSequences chains={chains} />
        </div>
        <div className="lg:sticky lg:top-24 lg:self-start">
          <LiveFeed key={after} initial={feed} after={after} signedIn={signedIn} />
        </div>
      </div>
    </>
  );
}
