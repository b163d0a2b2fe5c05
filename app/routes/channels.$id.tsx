import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  useActionData,
  useLoaderData,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { ChannelHeader } from "~/components/channel/channel-header";
import { ChannelSidebar } from "~/components/channel/channel-sidebar";
import { ChannelView } from "~/components/channel/channel-view";
import { PresenceList } from "~/components/channel/presence-list";
import { TypingIndicator } from "~/components/channel/typing-indicator";
import { badgeText } from "~/components/channel/unread-badge";
import { useSidebarLive } from "~/components/channel/use-sidebar-live";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { metaTranslator } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { latestActivityId } from "~/models/activity.server";
import { channelAccess } from "~/models/channel-access.server";
import { listMyChannels } from "~/models/channel-list.server";
import { sendMessage } from "~/models/channel-messages.server";
import { channelPage } from "~/models/channel-page.server";
import { showsTyping } from "~/models/presence.server";
import type { MessageError } from "~/realtime/protocol";
import { sendLimiter } from "~/realtime/rate-limit";
import { channelTopic } from "~/realtime/topics";
import { useTypingNotifier } from "~/realtime/use-typing";
import type { loader as rootLoader } from "~/root";
import { invariantResponse } from "~/utils/invariant";
import { canInAlliance } from "~/utils/permissions.server";
import { messageErrorStatus } from "~/utils/message-error-status";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data ? `#${data.channel.name}` : t("error.title.404")} · ${t("common.appName")}` }];
};

/**
 * A channel: the viewer's channels beside it, its messages opened at the first unread one (or a
 * linked `?message=`), and the composer. A channel the viewer cannot see is 404; visitors log in.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  const { db } = args.context.services;
  const channel = await channelAccess(db, user, args.params.id ?? "");
  invariantResponse(channel, 404, "channel.notFound");
  const topic = channelTopic(channel.id);
  // The cursor first, then the messages: one committed in between is in both, and the list drops the
  // live copy by id; the other order could miss it.
  const after = await latestActivityId(db, topic);
  const [page, sidebar, typingShown] = await Promise.all([
    channelPage(db, user, channel, new URL(args.request.url).searchParams.get("message")),
    listMyChannels(db, user.id),
    showsTyping(db, channel.id),
  ]);
  return {
    viewerId: user.id,
    channel: {
      id: channel.id,
      allianceId: channel.allianceId,
      name: channel.name,
      description: channel.description,
      kind: channel.kind,
      archived: channel.archivedAt !== null,
      alliance: {
        slug: channel.allianceSlug,
        nameZh: channel.allianceNameZh,
        nameEn: channel.allianceNameEn,
      },
      lastReadSeq: channel.lastReadSeq,
      post: channel.post,
      report: channel.report,
      manage: channel.manage,
      moderate: channel.moderate,
      presence: canInAlliance(channel.role, "alliance.presence.view"),
      // More than 100 readers: nobody is told who is typing (the server relays nothing there either).
      typingShown,
    },
    page,
    sidebar,
    live: { topic, after },
    // The send key of the form without JavaScript; scripts make one per draft.
    formKey: crypto.randomUUID(),
  };
}

export type SendRefusal = { body: string; error: MessageError };

/**
 * Sending without JavaScript (with it, the composer sends over the socket): the composer's form posts
 * here, and comes back to the channel — or to the page with the text kept and the reason.
 */
export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args);
  const id = args.params.id ?? "";
  const form = await args.request.formData().catch(() => new FormData());
  const body = String(form.get("body") ?? "");
  const refuse = (error: MessageError) =>
    data<SendRefusal>({ body, error }, { status: messageErrorStatus[error.code] });
  if (form.get("intent") !== "send") {
    return refuse({ code: "bad_request", message: "channelMessage.error.intentUnknown" });
  }
  if (sendLimiter().take(user.id) > 0)
    return refuse({ code: "limit", message: "channelMessage.error.limit" });
  const replyToId = form.get("replyToId");
  const result = await sendMessage(args.context.services, user, {
    channelId: id,
    body,
    clientKey: String(form.get("clientKey") ?? ""),
    replyToId: typeof replyToId === "string" && replyToId ? replyToId : null,
  });
  if (!result.ok) return refuse(result.error);
  return redirect(`/channels/${result.message.channelId}`, { status: 303 });
}

/** A report posted from beside a message changes nothing this page shows. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction?.endsWith("/report") ? false : defaultShouldRevalidate;

export default function ChannelPage() {
  const { viewerId, channel, page, sidebar, live, formKey } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const t = useT();
  const typing = useTypingNotifier(channel.id, channel.post && channel.typingShown);
  const bell = useRouteLoaderData<typeof rootLoader>("root")?.notifications ?? null;
  const shown = useSidebarLive(
    sidebar,
    channel.id,
    viewerId,
    bell && { topic: bell.topic, after: bell.after },
  );
  const rights = { viewerId, post: channel.post, report: channel.report, moderate: channel.moderate };
  return (
    <div className="mx-auto flex h-[calc(100dvh-4rem)] max-w-7xl border-x border-slate-200 bg-white">
      <aside className="hidden w-64 shrink-0 overflow-y-auto border-r border-slate-200 bg-slate-50 md:block">
        <ChannelSidebar sidebar={shown} idPrefix="sidebar" />
        {channel.presence && (
          <div className="border-t border-slate-200 px-3 py-4">
            <PresenceList allianceId={channel.allianceId} selfId={viewerId} />
          </div>
        )}
      </aside>
      <section className="flex min-w-0 flex-1 flex-col" aria-labelledby="channel-title">
        <details className="border-b border-slate-200 bg-slate-50 md:hidden">
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-700">
            {t("channel.sidebar.label")}
            {shown.unread > 0 && ` · ${t("channel.unread", { count: badgeText(shown.unread) })}`}
          </summary>
          <ChannelSidebar sidebar={shown} idPrefix="sidebar-folded" />
        </details>
        <ChannelHeader channel={channel} />
        <ChannelView
          // A fresh load (another channel, a linked message, a revalidation after new activity) starts
          // a fresh view: its live cursor and its messages belong together.
          key={`${channel.id}:${live.after}:${page.highlightId}`}
          channel={channel}
          page={page}
          firstUnreadSeq={page.firstUnreadSeq}
          highlightId={page.highlightId}
          live={live}
          rights={rights}
          formKey={formKey}
          refused={refused ?? null}
          onInput={typing}
        >
          <div className="px-4">
            <TypingIndicator channelId={channel.id} hidden={!channel.typingShown} />
          </div>
        </ChannelView>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
