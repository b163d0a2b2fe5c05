import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { ErrorList } from "~/components/form/error-list";
import { SubmitButton } from "~/components/form/submit-button";
import { controlClass, labelClass } from "~/components/form/styles";
import { useT } from "~/i18n/use-t";
import type { DirectoryMember } from "~/models/member-directory.server";
import type { action, MemberActionData } from "~/routes/alliances.$slug.members";
import { memberRoles } from "~/validation/directory";
import { memberChangeSchema, REASON_MAX } from "~/validation/membership";

type Fetcher = ReturnType<typeof useFetcher<typeof action>>;

/**
 * Change a member's role or remove them, each row through its own fetcher so the page stays put.
 * Only the changes the policy allows the viewer are offered; the server decides again (and applies
 * the last-chair rule), and its refusal is shown in this row.
 */
export function MemberControls({
  member,
  onDone,
}: {
  member: DirectoryMember;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const fetcher = useFetcher<typeof action>({ key: `member-${member.userId}` });
  const actionData = useActionData<typeof action>();
  // Without JavaScript the forms post as documents; the answer then arrives as the route's action data.
  const reply = fetcher.data ?? (actionData?.userId === member.userId ? actionData : undefined);
  const done = fetcher.data?.done;

  useEffect(() => {
    if (!done) return;
    onDone(
      done === "removed"
        ? t("membership.manage.removed", { name: member.displayName })
        : t("membership.manage.roleChanged", {
            name: member.displayName,
            role: t(`membership.role.${done}`),
          }),
    );
  }, [done, fetcher.data, member.displayName, onDone, t]);

  return (
    <div className="w-full space-y-2 sm:w-auto sm:max-w-xs">
      {member.controls.roles.length > 0 && (
        // Remounted when the role changes, so the select shows the role the member now holds.
        <RoleForm key={member.role} member={member} fetcher={fetcher} reply={reply} />
      )}
      {member.controls.remove && <RemoveForm member={member} fetcher={fetcher} reply={reply} />}
      {reply?.error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {t(`membership.error.${reply.error}`)}
        </p>
      )}
    </div>
  );
}

type FormProps = { member: DirectoryMember; fetcher: Fetcher; reply: MemberActionData | undefined };

function RoleForm({ member, fetcher, reply }: FormProps) {
  const t = useT();
  const [form, fields] = useForm({
    id: `member-role-${member.userId}`,
    lastResult: reply?.intent === "role" ? reply.result : undefined,
    defaultValue: { intent: "role", userId: member.userId, role: member.role },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: memberChangeSchema }),
  });
  const choices = memberRoles.filter((role) => role === member.role || member.controls.roles.includes(role));
  const selectProps = getSelectProps(fields.role);
  const pending = fetcher.state !== "idle" && fetcher.formData?.get("intent") === "role";
  return (
    <fetcher.Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="role" />
      <input type="hidden" name="userId" value={member.userId} />
      <div className="min-w-32 flex-1">
        <label htmlFor={fields.role.id} className="sr-only">
          {t("membership.manage.role", { name: member.displayName })}
        </label>
        <select {...selectProps} key={selectProps.key} className={`${controlClass} mt-0`}>
          {choices.map((role) => (
            <option key={role} value={role}>
              {t(`membership.role.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton
        variant="secondary"
        pending={pending}
        aria-label={`${t("membership.manage.changeRole")}: ${member.displayName}`}
      >
        {t("membership.manage.changeRole")}
      </SubmitButton>
      <div className="w-full">
        <ErrorList id={fields.role.errorId} errors={fields.role.errors} />
        <ErrorList id={fields.userId.errorId} errors={fields.userId.errors} />
      </div>
    </fetcher.Form>
  );
}

/** A disclosure is the confirmation step, and it works without JavaScript too. */
function RemoveForm({ member, fetcher, reply }: FormProps) {
  const t = useT();
  const details = useRef<HTMLDetailsElement>(null);
  const lastResult = reply?.intent === "remove" ? reply.result : undefined;
  const [form, fields] = useForm({
    id: `member-remove-${member.userId}`,
    lastResult,
    defaultValue: { intent: "remove", userId: member.userId, reason: "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: memberChangeSchema }),
  });
  const pending = fetcher.state !== "idle" && fetcher.formData?.get("intent") === "remove";
  const reasonProps = getInputProps(fields.reason, { type: "text" });
  const refused = reply?.intent === "remove" && (reply.error !== null || Boolean(lastResult?.error));
  return (
    <details ref={details} open={refused || undefined} className="group">
      <summary className="cursor-pointer list-none text-sm font-medium text-red-700 underline hover:text-red-900">
        {t("membership.manage.remove")}
        <span className="sr-only">: {member.displayName}</span>
      </summary>
      <fetcher.Form
        method="post"
        {...getFormProps(form)}
        className="mt-2 space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
      >
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="userId" value={member.userId} />
        <p className="text-sm font-medium text-red-900">
          {t("membership.manage.removeConfirm", { name: member.displayName })}
        </p>
        <div>
          <label htmlFor={fields.reason.id} className={labelClass}>
            {t("membership.manage.reason")}
          </label>
          <input {...reasonProps} key={reasonProps.key} maxLength={REASON_MAX} className={controlClass} />
          <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
          <ErrorList id={fields.userId.errorId} errors={fields.userId.errors} />
        </div>
        <div className="flex items-center gap-3">
          <SubmitButton variant="danger" pending={pending}>
            {t("membership.manage.removeYes")}
          </SubmitButton>
          <button
            type="button"
            onClick={() => details.current?.removeAttribute("open")}
            className="text-sm text-slate-600 underline"
          >
            {t("membership.manage.cancel")}
          </button>
        </div>
      </fetcher.Form>
    </details>
  );
}
