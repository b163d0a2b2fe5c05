import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { landingChannel, listMyChannels } from "~/models/channel-list.server";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "channel.title");

/**
 * /channels leads to the first channel with unread messages, else to the first alliance's #general.
 * Someone in no alliance is told where channels come from.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  const landing = landingChannel(await listMyChannels(args.context.services.db, user.id));
  if (landing) throw redirect(`/channels/${landing}`);
  return null;
}

export default function ChannelsIndex() {
  const t = useT();
  return (
    <section className="mx-auto max-w-2xl px-4 py-16 sm:px-6" aria-labelledby="channels-none">
      <h1 id="channels-none" className="text-3xl font-bold tracking-tight text-slate-900">
        {t("channel.none.title")}
      </h1>
      <p className="mt-4 text-lg text-slate-600">{t("channel.none.text")}</p>
      <Link
        to="/alliances"
        className="mt-8 inline-flex items-center rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
      >
        {t("channel.none.link")}
      </Link>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
