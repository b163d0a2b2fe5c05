import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ChannelForm } from "~/components/channel-admin/channel-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listActiveMembers } from "~/models/channel-settings.server";
import { createChannel } from "~/models/channels.server";
import { requireAllianceRight } from "~/utils/alliance-guard.server";
import { channelCreateSchema } from "~/validation/channel";

/**
 * Opening a topic channel: the alliance's organizers. Outside the channel list's layout (`channels_`),
 * inside the alliance's, so the page stands on its own whatever the list renders.
 */

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "channelAdmin.new.title");

export async function loader(args: LoaderFunctionArgs) {
  const { alliance, user } = await requireAllianceRight(args, "channel.create");
  const people = await listActiveMembers(args.context.services.db, alliance.id);
  return {
    slug: alliance.slug,
    people: people.filter((person) => person.id !== user.id),
  };
}

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const { alliance, user } = await requireAllianceRight(args, "channel.create");
  const submission = parseWithZod(formData, { schema: channelCreateSchema });
  if (submission.status !== "success") {
    return data<{ result: SubmissionResult<string[]> }>({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await createChannel(args.context.services, {
    alliance,
    actor: user,
    values: submission.value,
  });
  if (!outcome.ok) {
    return data(
      { result: submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }) },
      { status: 400 },
    );
  }
  return redirect(`/channels/${outcome.id}`, { status: 303 });
}

export default function NewChannel() {
  const { slug, people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="new-channel-title" className="space-y-6">
      <div>
        <h2 id="new-channel-title" className="text-xl font-semibold text-slate-900">
          {t("channelAdmin.new.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("channelAdmin.new.lead")}</p>
      </div>
      <ChannelForm
        mode="create"
        people={people}
        defaults={{ kind: "open" }}
        lastResult={actionData?.result}
        cancelTo={`/alliances/${slug}/channels`}
      />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
