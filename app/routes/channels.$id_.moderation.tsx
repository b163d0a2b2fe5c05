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
import { ChannelAdminHeader, channelAdminTitle } from "~/components/channel-admin/admin-page";
import { ModerationQueueView } from "~/components/channel-admin/moderation-queue";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { MessageKey } from "~/i18n/dictionary";
import { useT } from "~/i18n/use-t";
import {
  dismissReport,
  getModerationQueue,
  hideMessage,
  restoreMessage,
} from "~/models/channel-moderation.server";
import { adminChannel, requireChannelRight } from "~/utils/channel-admin-guard.server";
import { messageModerationSchema } from "~/validation/channel";

/**
 * A channel's moderation queue for the alliance's organizers: the messages members reported, with
 * who reported them and why, to hide with a reason or dismiss; and what was hidden lately, to restore.
 */

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  channelAdminTitle(matches, "channelAdmin.moderation.title", loaded?.channel.name);

const back = (id: string) => `/channels/${id}/moderation`;

const confirmations: Record<string, MessageKey> = {
  hidden: "channelAdmin.moderation.hiddenDone",
  restored: "channelAdmin.moderation.restoredDone",
  dismissed: "channelAdmin.moderation.dismissedDone",
};

export async function loader(args: LoaderFunctionArgs) {
  const { channel } = await requireChannelRight(args, "moderate", back);
  const queue = await getModerationQueue(args.context.services.db, channel);
  return {
    channel: adminChannel(channel),
    manage: channel.manage,
    queue,
  };
}

/** A refused decision names the message or report its form was about, so only that form shows it. */
export type ModerationReply = { subject: string; result: SubmissionResult<string[]> };

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const { user, channel } = await requireChannelRight(args, "moderate", back);
  const submission = parseWithZod(formData, { schema: messageModerationSchema });
  const subject = String(formData.get("messageId") ?? formData.get("reportId") ?? "");
  if (submission.status !== "success") {
    return data<ModerationReply>({ subject, result: submission.reply() }, { status: 400 });
  }
  const { services } = args.context;
  const input = submission.value;
  const outcome =
    input.intent === "dismiss"
      ? await dismissReport(services, channel, user.id, input.reportId)
      : input.intent === "hide"
        ? await hideMessage(services, channel, user.id, input)
        : await restoreMessage(services, channel, user.id, input);
  if (outcome === "unknown") {
    const key =
      input.intent === "dismiss" ? "channelAdmin.error.reportUnknown" : "channelAdmin.error.messageUnknown";
    return data<ModerationReply>(
      { subject, result: submission.reply({ formErrors: [key] }) },
      { status: 404 },
    );
  }
  const done = { hide: "hidden", restore: "restored", dismiss: "dismissed" }[input.intent];
  return redirect(`/channels/${channel.id}/moderation?done=${done}`, { status: 303 });
}

export default function ChannelModeration() {
  const { channel, manage, queue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-10 sm:px-6">
      <ChannelAdminHeader
        channel={channel}
        heading={t("channelAdmin.moderation.heading", { name: channel.name })}
        lead={t("channelAdmin.moderation.lead")}
        other={
          manage ? { to: `/channels/${channel.id}/settings`, label: t("channelAdmin.settings.link") } : null
        }
        confirmations={confirmations}
      />
      <ModerationQueueView queue={queue} reply={actionData} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
