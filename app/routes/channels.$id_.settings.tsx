import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ChannelAdminHeader, channelAdminTitle } from "~/components/channel-admin/admin-page";
import { ChannelForm } from "~/components/channel-admin/channel-form";
import { MemberPicker } from "~/components/channel-admin/member-picker";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import type { MessageKey } from "~/i18n/dictionary";
import { useT } from "~/i18n/use-t";
import {
  archiveChannel,
  editChannel,
  inviteToChannel,
  removeFromChannel,
  unarchiveChannel,
  type ChannelRefusal,
} from "~/models/channels.server";
import { getChannelSettings } from "~/models/channel-settings.server";
import { adminChannel, requireChannelRight } from "~/utils/channel-admin-guard.server";
import {
  channelArchiveSchema,
  channelEditSchema,
  channelInviteSchema,
  channelRemoveSchema,
} from "~/validation/channel";

/**
 * A channel's settings for the alliance's organizers: name, description, open or private (not
 * #general), archiving, and who is in a private channel. Each form answers with its own result, so a
 * refused invitation does not light up the rename form.
 */

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  channelAdminTitle(matches, "channelAdmin.settings.title", loaded?.channel.name);

const back = (id: string) => `/channels/${id}/settings`;

/** What each successful submission says once the page has reloaded (?done=…). */
const confirmations: Record<string, MessageKey> = {
  saved: "channelAdmin.settings.saved",
  archived: "channelAdmin.settings.archivedDone",
  unarchived: "channelAdmin.settings.unarchivedDone",
  invited: "channelAdmin.members.invitedDone",
  removed: "channelAdmin.members.removedDone",
};

export async function loader(args: LoaderFunctionArgs) {
  const { channel } = await requireChannelRight(args, "manage", back);
  const settings = await getChannelSettings(args.context.services.db, channel);
  return {
    channel: {
      ...adminChannel(channel),
      slug: channel.slug,
      description: channel.description,
      kind: channel.kind,
      archived: channel.archivedAt !== null,
    },
    moderate: channel.moderate,
    ...settings,
  };
}

type Reply = { form: "save" | "archive" | "invite" | "remove"; result: SubmissionResult<string[]> };

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const { user, channel } = await requireChannelRight(args, "manage", back);
  const { services } = args.context;
  const done = (what: string) => redirect(`/channels/${channel.id}/settings?done=${what}`, { status: 303 });
  const reply = (form: Reply["form"], result: SubmissionResult<string[]>) =>
    data<Reply>({ form, result }, { status: 400 });
  const errorsOf = (outcome: ChannelRefusal) => ({
    fieldErrors: outcome.fieldErrors,
    formErrors: outcome.formErrors,
  });

  switch (formData.get("intent")) {
    case "archive":
    case "unarchive": {
      const submission = parseWithZod(formData, { schema: channelArchiveSchema });
      if (submission.status !== "success") return reply("archive", submission.reply());
      const archived = submission.value.intent === "archive";
      const outcome = await (archived ? archiveChannel : unarchiveChannel)(services, {
        channel,
        actor: user,
      });
      if (!outcome.ok) return reply("archive", submission.reply(errorsOf(outcome)));
      return done(archived ? "archived" : "unarchived");
    }
    case "invite": {
      const submission = parseWithZod(formData, { schema: channelInviteSchema });
      if (submission.status !== "success") return reply("invite", submission.reply());
      const outcome = await inviteToChannel(services, {
        channel,
        actor: user,
        userIds: submission.value.members,
      });
      if (!outcome.ok) return reply("invite", submission.reply(errorsOf(outcome)));
      return done("invited");
    }
    case "remove": {
      const submission = parseWithZod(formData, { schema: channelRemoveSchema });
      if (submission.status !== "success") return reply("remove", submission.reply());
      const outcome = await removeFromChannel(services, {
        channel,
        actor: user,
        userId: submission.value.userId,
      });
      if (!outcome.ok) return reply("remove", submission.reply(errorsOf(outcome)));
      // Taking oneself out of a private channel closes it to oneself (platform operators excepted).
      if (submission.value.userId === user.id && channel.role !== "admin") {
        return redirect(`/alliances/${channel.allianceSlug}/channels`, { status: 303 });
      }
      return done("removed");
    }
    default: {
      const submission = parseWithZod(formData, { schema: channelEditSchema });
      if (submission.status !== "success") return reply("save", submission.reply());
      const { intent: _intent, ...values } = submission.value;
      const outcome = await editChannel(services, { channel, actor: user, values });
      if (!outcome.ok) return reply("save", submission.reply(errorsOf(outcome)));
      return done("saved");
    }
  }
}

export default function ChannelSettings() {
  const { channel, moderate, members, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const resultOf = (form: Reply["form"]) => (actionData?.form === form ? actionData.result : undefined);

  return (
    <div className="mx-auto max-w-3xl space-y-10 px-4 py-10 sm:px-6">
      <ChannelAdminHeader
        channel={channel}
        heading={t("channelAdmin.settings.heading", { name: channel.name })}
        other={
          moderate
            ? { to: `/channels/${channel.id}/moderation`, label: t("channelAdmin.moderation.link") }
            : null
        }
        confirmations={confirmations}
      />
      <section aria-labelledby="channel-settings-title" className="space-y-4">
        <h2 id="channel-settings-title" className="text-xl font-semibold text-slate-900">
          {t("channelAdmin.settings.title")}
        </h2>
        <ChannelForm
          mode="edit"
          kindFixed={channel.kind === "general"}
          defaults={{
            name: channel.name,
            description: channel.description,
            kind: channel.kind === "general" ? undefined : channel.kind,
          }}
          lastResult={resultOf("save")}
          cancelTo={`/channels/${channel.id}`}
        />
      </section>
      {channel.kind === "private" && (
        <MembersSection
          members={members}
          candidates={candidates}
          inviteResult={resultOf("invite")}
          removeResult={resultOf("remove")}
        />
      )}
      {channel.kind !== "general" && (
        <ArchiveSection archived={channel.archived} result={resultOf("archive")} />
      )}
    </div>
  );
}

type Person = { id: string; name: string };

function MembersSection({
  members,
  candidates,
  inviteResult,
  removeResult,
}: {
  members: Person[];
  candidates: Person[];
  inviteResult?: SubmissionResult<string[]>;
  removeResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const inviting = useIsPending({ intent: "invite" });
  const [form, fields] = useForm<{ members: string[] }>({
    id: "channel-invite",
    lastResult: inviteResult,
    constraint: getZodConstraint(channelInviteSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: channelInviteSchema }),
  });
  const ticked = fields.members.initialValue;
  return (
    <section aria-labelledby="channel-members-title" className="space-y-4">
      <h2 id="channel-members-title" className="text-xl font-semibold text-slate-900">
        {t("channelAdmin.members.title", { count: members.length })}
      </h2>
      <p className="text-sm text-slate-600">{t("channelAdmin.members.lead")}</p>
      <FormErrors errors={removeResult?.error?.[""] ?? removeResult?.error?.userId} />
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {members.map((member) => (
          <li key={member.id} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
            <span className="text-slate-900">{member.name}</span>
            <Form method="post" preventScrollReset>
              <input type="hidden" name="userId" value={member.id} />
              <SubmitButton
                name="intent"
                value="remove"
                variant="secondary"
                aria-label={t("channelAdmin.members.removeWho", { name: member.name })}
              >
                {t("channelAdmin.members.remove")}
              </SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
      <Form
        method="post"
        preventScrollReset
        {...getFormProps(form)}
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <input type="hidden" name="intent" value="invite" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <MemberPicker
          name={fields.members.name}
          people={candidates}
          selected={
            new Set(Array.isArray(ticked) ? ticked.map(String) : typeof ticked === "string" ? [ticked] : [])
          }
          legend={t("channelAdmin.members.invite")}
          hint={t("channelAdmin.members.inviteHint")}
          errors={fields.members.errors}
          errorId={fields.members.errorId}
        />
        {candidates.length > 0 && (
          <SubmitButton pending={inviting}>{t("channelAdmin.members.inviteSubmit")}</SubmitButton>
        )}
      </Form>
    </section>
  );
}

function ArchiveSection({ archived, result }: { archived: boolean; result?: SubmissionResult<string[]> }) {
  const t = useT();
  const intent = archived ? "unarchive" : "archive";
  const pending = useIsPending({ intent });
  return (
    <section
      aria-labelledby="channel-archive-title"
      className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 px-5 py-4"
    >
      <h2 id="channel-archive-title" className="text-lg font-semibold text-slate-900">
        {t("channelAdmin.settings.archiveTitle")}
      </h2>
      <p className="text-sm text-slate-700">
        {t(archived ? "channelAdmin.settings.archivedLead" : "channelAdmin.settings.archiveLead")}
      </p>
      <FormErrors errors={result?.error?.[""]} />
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value={intent} />
        <SubmitButton variant={archived ? "primary" : "danger"} pending={pending}>
          {t(archived ? "channelAdmin.settings.unarchive" : "channelAdmin.settings.archive")}
        </SubmitButton>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
