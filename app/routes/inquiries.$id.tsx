import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InquiryStatusBadge } from "~/components/inquiry/status-badge";
import { InquiryDecisionForm, InquiryMessages, InquiryReplyForm } from "~/components/inquiry/thread";
import { MarkdownView } from "~/components/markdown/markdown-view";
import { formatMoment } from "~/components/org/format";
import { Fact } from "~/components/page/fact";
import type { MessageKey } from "~/i18n/dictionary";
import { metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { latestActivityId } from "~/models/activity.server";
import { decideInquiry } from "~/models/inquiry-decisions.server";
import { postMessage } from "~/models/inquiry-messages.server";
import type { InquiryError } from "~/models/inquiry-parties.server";
import { getThread, threadActions } from "~/models/inquiry-thread.server";
import { inquiryAccess } from "~/models/resource-access.server";
import { inquiryTopic } from "~/realtime/topics";
import { useLive } from "~/realtime/use-live";
import { invariantResponse } from "~/utils/invariant";
import { can } from "~/utils/permissions.server";
import { requireUser } from "~/utils/session.server";
import { inquiryDecisionSchema, inquiryMessageSchema } from "~/validation/inquiry";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  const title = data
    ? t("inquiry.thread.title", { resource: data.inquiry.resource.title })
    : t("error.title.404");
  return [{ title: `${title} · ${t("common.appName")}` }];
};

type Args = LoaderFunctionArgs | ActionFunctionArgs;

/**
 * The inquiry for its asker and the provider's representatives; everyone else — organizers and platform
 * admins included — is told it does not exist, as a malformed id is.
 */
async function requireInquiry(args: Args) {
  const user = await requireUser(args);
  invariantResponse(can(user, "inquiry.watch"), 403, "inquiry.error.forbidden");
  const inquiry = await inquiryAccess(args.context.services.db, user, args.params.id ?? "");
  invariantResponse(inquiry, 404, "inquiry.error.notFound");
  return { user, inquiry };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, inquiry } = await requireInquiry(args);
  const { db } = args.context.services;
  const topic = inquiryTopic(inquiry.id);
  const [thread, after] = await Promise.all([getThread(db, inquiry, user), latestActivityId(db, topic)]);
  invariantResponse(thread, 404, "inquiry.error.notFound");
  return {
    inquiry: {
      ...thread,
      resource: { id: inquiry.resource.id, title: inquiry.resource.title },
    },
    viewer: { provider: inquiry.provider, ...threadActions(inquiry) },
    live: { topic, after },
  };
}

type Reply = { result?: SubmissionResult<string[]>; form?: "message" | "decide" };

const statusOf: Record<InquiryError, number> = {
  closed: 409,
  decided: 409,
  notAllowed: 403,
  problemNotOwn: 400,
  orgNotRepresented: 400,
};

/** Reply, accept, decline, withdraw. Success comes back to the page, so it all works without JavaScript. */
export async function action(args: ActionFunctionArgs) {
  const { user, inquiry } = await requireInquiry(args);
  const { services } = args.context;
  const formData = await args.request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  const refusal = (error: InquiryError): MessageKey => `inquiry.error.${error}`;
  if (intent === "message") {
    const submission = parseWithZod(formData, { schema: inquiryMessageSchema });
    if (submission.status !== "success") {
      return data<Reply>({ result: submission.reply(), form: "message" }, { status: 400 });
    }
    const outcome = await postMessage(services, inquiry, user, submission.value.body);
    if (!outcome.ok) {
      return data<Reply>(
        { result: submission.reply({ formErrors: [refusal(outcome.error)] }), form: "message" },
        { status: statusOf[outcome.error] },
      );
    }
    // The page reloads its thread; the emptied form is ready for the next message.
    return data<Reply>({ result: submission.reply({ resetForm: true }), form: "message" });
  }
  invariantResponse(
    intent === "accept" || intent === "decline" || intent === "withdraw",
    400,
    "inquiry.error.intentUnknown",
  );
  const submission = parseWithZod(formData, { schema: inquiryDecisionSchema });
  if (submission.status !== "success") {
    return data<Reply>({ result: submission.reply(), form: "decide" }, { status: 400 });
  }
  const outcome = await decideInquiry(services, inquiry, user, submission.value);
  if (!outcome.ok) {
    return data<Reply>(
      { result: submission.reply({ formErrors: [refusal(outcome.error)] }), form: "decide" },
      { status: statusOf[outcome.error] },
    );
  }
  return redirect(`/inquiries/${inquiry.id}`, { status: 303 });
}

export default function InquiryPage() {
  const { inquiry, viewer, live } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const revalidator = useRevalidator();
  const { connected } = useLive(live.topic, live.after, () => revalidator.revalidate());
  const closedKey =
    inquiry.status === "declined"
      ? "inquiry.thread.closed.declined"
      : inquiry.status === "withdrawn"
        ? "inquiry.thread.closed.withdrawn"
        : null;
  return (
    <article className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <Link to="/inquiries" className="text-sm text-teal-700 underline hover:text-teal-900">
        {t("inquiry.thread.back")}
      </Link>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <InquiryStatusBadge status={inquiry.status} />
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">
          {t("inquiry.thread.title", { resource: inquiry.resource.title })}
        </h1>
        {connected && (
          <span className="text-xs text-teal-700" data-live>
            {t("inquiry.thread.live")}
          </span>
        )}
      </div>
      <dl className="mt-6 grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <Fact label={t("inquiry.thread.resource")}>
          <Link to={`/resources/${inquiry.resource.id}`} className="text-teal-700 hover:underline">
            {inquiry.resource.title}
          </Link>
        </Fact>
        {inquiry.providerOrg && (
          <Fact label={t("inquiry.thread.provider")}>
            {pick(locale, inquiry.providerOrg.nameZh, inquiry.providerOrg.nameEn)}
          </Fact>
        )}
        <Fact label={t("inquiry.thread.asker")}>
          {inquiry.askerName}
          {inquiry.askerOrg && ` · ${pick(locale, inquiry.askerOrg.nameZh, inquiry.askerOrg.nameEn)}`}
        </Fact>
        <Fact label={t("inquiry.thread.asked")}>{formatMoment(locale, new Date(inquiry.createdAt))}</Fact>
        {inquiry.problem && (
          <Fact label={t("inquiry.thread.problem")}>
            <Link to={`/problems/${inquiry.problem.id}`} className="text-teal-700 hover:underline">
              {inquiry.problem.title}
            </Link>
          </Fact>
        )}
        <Fact label={t("inquiry.thread.intendedUse")}>
          <span className="whitespace-pre-line">{inquiry.intendedUse}</span>
        </Fact>
      </dl>
      <section aria-labelledby="inquiry-question" className="mt-8">
        <h2 id="inquiry-question" className="text-lg font-semibold text-slate-900">
          {t("inquiry.thread.question")}
        </h2>
        <MarkdownView html={inquiry.messageHtml} className="mt-2" />
      </section>
      <InquiryMessages messages={inquiry.messages} />
      {closedKey && (
        <p className="mt-6 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" role="status">
          {t(closedKey)}
        </p>
      )}
      {inquiry.status === "accepted" && (
        <p className="mt-6 rounded-md bg-teal-50 px-3 py-2 text-sm text-teal-900" role="status">
          {t("inquiry.thread.accepted")}
        </p>
      )}
      {viewer.message && (
        <InquiryReplyForm lastResult={actionData?.form === "message" ? actionData.result : undefined} />
      )}
      {(viewer.decide || viewer.withdraw) && (
        <InquiryDecisionForm
          provider={viewer.provider}
          lastResult={actionData?.form === "decide" ? actionData.result : undefined}
        />
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
