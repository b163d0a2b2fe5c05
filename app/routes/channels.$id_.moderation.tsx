import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ModerationQueueView } from "~/components/channel-admin/moderation-queue";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusMessage } from "~/components/form/status-message";
import type { MessageKey } from "~/i18n/dictionary";
import { metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import {
  dismissReport,
  getModerationQueue,
  hideMessage,
  restoreMessage,
} from "~/models/channel-moderation.server";
import { requireChannelRight } from "~/utils/channel-admin-guard.server";
import { messageModerationSchema } from "~/validation/channel";

/**
 * A channel's moderation queue for the alliance's organizers: the messages members reported, with
 * who reported them and why, to hide with a reason or dismiss; and what was hidden lately, to restore.
 */

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const t = metaTranslator(matches);
  const title = t("channelAdmin.moderation.title");
  return [{ title: loaded ? `${title} · #${loaded.channel.name} · ${t("common.appName")}` : title }];
};

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
    channel: {
      id: channel.id,
      name: channel.name,
      allianceSlug: channel.allianceSlug,
      allianceNameZh: channel.allianceNameZh,
      allianceNameEn: channel.allianceNameEn,
    },
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
  const [searchParams] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const doneKey = searchParams.get("done");
  const confirmation = doneKey && Object.hasOwn(confirmations, doneKey) ? confirmations[doneKey] : null;
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-10 sm:px-6">
      <header>
        <p className="text-sm text-slate-500">
          <Link
            to={`/alliances/${channel.allianceSlug}`}
            className="text-teal-700 underline hover:text-teal-900"
          >
            {pick(locale, channel.allianceNameZh, channel.allianceNameEn)}
          </Link>
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-slate-900">
          {t("channelAdmin.moderation.heading", { name: channel.name })}
        </h1>
        <p className="mt-2 text-sm text-slate-600">{t("channelAdmin.moderation.lead")}</p>
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          <Link to={`/channels/${channel.id}`} className="text-teal-700 underline hover:text-teal-900">
            {t("channelAdmin.backToChannel")}
          </Link>
          {manage && (
            <Link
              to={`/channels/${channel.id}/settings`}
              className="text-teal-700 underline hover:text-teal-900"
            >
              {t("channelAdmin.settings.link")}
            </Link>
          )}
        </p>
      </header>
      {confirmation && <StatusMessage>{t(confirmation)}</StatusMessage>}
      <ModerationQueueView queue={queue} reply={actionData} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
