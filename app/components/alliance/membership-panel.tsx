import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Link, useFetcher, useLocation } from "@remix-run/react";
import { useState } from "react";
import { ErrorList } from "~/components/form/error-list";
import { SubmitButton } from "~/components/form/submit-button";
import { controlClass } from "~/components/form/styles";
import { useT } from "~/i18n/use-t";
import type { action } from "~/routes/alliances.$slug.membership";
import { JOIN_MESSAGE_MAX, membershipSchema } from "~/validation/membership";

type Props = {
  alliance: { slug: string; joinPolicy: "open" | "request" | "invite"; archived: boolean };
  viewer: {
    signedIn: boolean;
    status: "pending" | "active" | "left" | "removed" | "rejected" | null;
    memberRole: "chair" | "organizer" | "member" | null;
  };
  rights: { join: boolean; cancelRequest: boolean; leave: boolean };
};

/** Where the viewer stands in the alliance, and the one next step the alliance's policy allows. */
export function MembershipPanel({ alliance, viewer, rights }: Props) {
  const t = useT();
  const location = useLocation();
  const fetcher = useFetcher<typeof action>({ key: `membership-${alliance.slug}` });
  const actionUrl = `/alliances/${alliance.slug}/membership`;
  const busy = fetcher.state !== "idle";
  const error = fetcher.data?.error;
  if (alliance.archived) return null;

  let body: React.ReactNode;
  if (!viewer.signedIn) {
    body =
      alliance.joinPolicy === "invite" ? (
        <p className="text-sm text-slate-700">{t("membership.panel.inviteOnly")}</p>
      ) : (
        <Link
          to={`/login?${new URLSearchParams({ redirectTo: location.pathname })}`}
          className="inline-flex rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800"
        >
          {t("membership.panel.signIn")}
        </Link>
      );
  } else if (viewer.status === "active" && viewer.memberRole) {
    body = (
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium text-teal-900">
          {t("membership.panel.member", { role: t(`membership.role.${viewer.memberRole}`) })}
        </p>
        {rights.leave && <LeaveButton action={actionUrl} fetcher={fetcher} busy={busy} />}
      </div>
    );
  } else if (viewer.status === "pending") {
    body = (
      <fetcher.Form
        method="post"
        action={actionUrl}
        className="flex flex-wrap items-center justify-between gap-3"
      >
        <p className="text-sm text-slate-800">{t("membership.panel.pending")}</p>
        {rights.cancelRequest && (
          <SubmitButton name="intent" value="cancel" variant="secondary" pending={busy}>
            {t("membership.panel.cancel")}
          </SubmitButton>
        )}
      </fetcher.Form>
    );
  } else if (alliance.joinPolicy === "invite") {
    body = <p className="text-sm text-slate-700">{t("membership.panel.inviteOnly")}</p>;
  } else if (rights.join) {
    body = (
      <>
        {viewer.status === "rejected" && (
          <p className="mb-3 text-sm text-slate-700">{t("membership.panel.rejected")}</p>
        )}
        <JoinForm
          action={actionUrl}
          fetcher={fetcher}
          busy={busy}
          byRequest={alliance.joinPolicy === "request"}
        />
      </>
    );
  }
  if (!body) return null;
  return (
    <section
      aria-label={t("membership.tab.members")}
      className="mt-6 rounded-lg border border-slate-200 bg-white p-4"
    >
      {body}
      {error && (
        <p role="alert" className="mt-3 text-sm font-medium text-red-700">
          {t(`membership.error.${error}`)}
        </p>
      )}
    </section>
  );
}

type Fetcher = ReturnType<typeof useFetcher<typeof action>>;

function JoinForm({
  action,
  fetcher,
  busy,
  byRequest,
}: {
  action: string;
  fetcher: Fetcher;
  busy: boolean;
  byRequest: boolean;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "join-alliance",
    lastResult: fetcher.data?.result,
    constraint: getZodConstraint(membershipSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: membershipSchema }),
  });
  const messageProps = getTextareaProps(fields.message);
  return (
    <fetcher.Form method="post" action={action} {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value="join" />
      {byRequest && (
        <div>
          <label htmlFor={fields.message.id} className="block text-sm font-medium text-slate-800">
            {t("membership.panel.message")}
          </label>
          <textarea
            {...messageProps}
            key={messageProps.key}
            rows={3}
            maxLength={JOIN_MESSAGE_MAX}
            className={`${controlClass} mt-1`}
          />
          <p className="mt-1 text-xs text-slate-500">
            {t("membership.panel.messageHint", { max: JOIN_MESSAGE_MAX })}
          </p>
          <ErrorList id={fields.message.errorId} errors={fields.message.errors} />
        </div>
      )}
      <SubmitButton pending={busy}>
        {t(byRequest ? "membership.panel.request" : "membership.panel.join")}
      </SubmitButton>
    </fetcher.Form>
  );
}

function LeaveButton({ action, fetcher, busy }: { action: string; fetcher: Fetcher; busy: boolean }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
      >
        {t("membership.panel.leave")}
      </button>
    );
  }
  return (
    <fetcher.Form method="post" action={action} className="flex items-center gap-2">
      <span className="text-sm text-slate-800">{t("membership.panel.leaveConfirm")}</span>
      <SubmitButton name="intent" value="leave" variant="danger" pending={busy}>
        {t("membership.panel.leaveYes")}
      </SubmitButton>
      <button type="button" onClick={() => setConfirming(false)} className="text-sm text-slate-600 underline">
        {t("membership.panel.leaveNo")}
      </button>
    </fetcher.Form>
  );
}
