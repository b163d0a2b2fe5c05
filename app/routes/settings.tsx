import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { CalendarFeedSection } from "~/components/account/calendar-feed-section";
import { PasswordForm } from "~/components/account/password-form";
import { PrivacyForm } from "~/components/account/privacy-form";
import { NotificationSettingsLink } from "~/components/account/notification-settings-link";
import { ReminderForm } from "~/components/account/reminder-form";
import { ProfileForm } from "~/components/account/profile-form";
import { SessionsForm } from "~/components/account/sessions-form";
import { MyOrganizations } from "~/components/org/my-organizations";
import { StatusMessage } from "~/components/form/status-message";
import { localeCookie } from "~/i18n/cookie.server";
import type { MessageKey } from "~/i18n/dictionary";
import { pageTitle } from "~/i18n/meta";
import { passRetryAfter, waitUntil } from "~/utils/retry-after";
import type { TranslateParams } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { countOtherSessions, logOutOtherSessions } from "~/models/account-sessions.server";
import { getAccountSettings } from "~/models/account-settings.server";
import { changePassword } from "~/models/credentials.server";
import { listRepresentedOrganizations } from "~/models/organizations.server";
import { updateReminderPreferences } from "~/models/reminder-preferences.server";
import { updatePrivacy, updateProfile } from "~/models/users.server";
import { invariantResponse } from "~/utils/invariant";
import { requireUser } from "~/utils/session.server";
import { passwordChangeSchema, privacySchema, profileSchema } from "~/validation/auth";
import { reminderPreferencesSchema } from "~/validation/event-reminders";

type ActionData = {
  intent: "profile" | "password" | "privacy" | "reminders";
  result: SubmissionResult<string[]>;
  params?: TranslateParams;
};

/** What each successful form says once the page has reloaded (?done=…). */
const confirmations: Record<string, MessageKey> = {
  profile: "auth.settings.profile.saved",
  password: "auth.settings.password.changed",
  sessions: "auth.settings.sessions.ended",
  privacy: "auth.settings.privacy.saved",
  reminders: "eventReminders.settings.saved",
};
const passwordFields = ["currentPassword", "newPassword", "confirmPassword"];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.settings.title");

export const headers = passRetryAfter;

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  const settings = await getAccountSettings(args.context.services.db, user.id);
  invariantResponse(settings, 404, "error.title.404");
  return {
    user: { email: user.email, displayName: user.displayName, locale: user.locale },
    otherSessions: await countOtherSessions(args.context.services, user.id),
    privacy: settings.privacy,
    reminders: settings.reminders,
    organizations: await listRepresentedOrganizations(args.context.services.db, user.id),
    calendarFeedCreatedAt: settings.calendarFeedCreatedAt?.toISOString() ?? null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args);
  const { services, clientIp } = args.context;
  const formData = await args.request.formData().catch(() => new FormData());
  const intent = formData.get("intent");

  if (intent === "profile") {
    const submission = parseWithZod(formData, { schema: profileSchema });
    if (submission.status !== "success") {
      return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    }
    await updateProfile(services.db, user.id, submission.value);
    const headers = {
      "Set-Cookie": localeCookie(submission.value.locale, { secure: services.config.secureCookies }),
    };
    return redirect("/settings?done=profile", { status: 303, headers });
  }

  if (intent === "password") {
    const submission = parseWithZod(formData, { schema: passwordChangeSchema });
    if (submission.status !== "success") {
      return data<ActionData>(
        { intent, result: submission.reply({ hideFields: passwordFields }) },
        { status: 400 },
      );
    }
    // A wrong current password counts against the log-in limits of the account and the address.
    const { currentPassword, newPassword } = submission.value;
    const changed = await changePassword(services, {
      user,
      ip: clientIp,
      keepSessionId: user.sessionId,
      currentPassword,
      newPassword,
    });
    if (changed.status === "blocked") {
      const { seconds, minutes } = waitUntil(changed.until);
      const result = submission.reply({ formErrors: ["auth.error.throttled"], hideFields: passwordFields });
      return data<ActionData>(
        { intent, result, params: { minutes } },
        { status: 429, headers: { "Retry-After": String(seconds) } },
      );
    }
    if (changed.status === "invalid") {
      const result = submission.reply({
        fieldErrors: { currentPassword: ["auth.error.currentPasswordWrong"] },
        hideFields: passwordFields,
      });
      return data<ActionData>({ intent, result }, { status: 400 });
    }
    return redirect("/settings?done=password", { status: 303 });
  }

  if (intent === "privacy") {
    const submission = parseWithZod(formData, { schema: privacySchema });
    if (submission.status !== "success") {
      return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    }
    await updatePrivacy(services.db, user.id, submission.value);
    return redirect("/settings?done=privacy", { status: 303 });
  }

  if (intent === "reminders") {
    const submission = parseWithZod(formData, { schema: reminderPreferencesSchema });
    if (submission.status !== "success") {
      return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    }
    await updateReminderPreferences(services.db, user.id, submission.value);
    return redirect("/settings?done=reminders", { status: 303 });
  }

  invariantResponse(intent === "sessions", 400);
  await logOutOtherSessions(services, user.id, user.sessionId);
  return redirect("/settings?done=sessions", { status: 303 });
}

export default function Settings() {
  const { user, otherSessions, privacy, reminders, organizations, calendarFeedCreatedAt } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const t = useT();
  const done = searchParams.get("done");
  const confirmation = done ? confirmations[done] : undefined;
  // After a successful submission the page comes back with ?done=…: remount the forms so they start empty.
  const formKey = confirmation ? location.key : "initial";

  return (
    <div className="mx-auto w-full max-w-2xl space-y-6 px-4 py-10 sm:px-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("auth.settings.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("auth.settings.signedInAs", { email: user.email })}</p>
      </header>
      {confirmation && <StatusMessage>{t(confirmation)}</StatusMessage>}
      <ProfileForm
        key={`profile-${formKey}`}
        defaults={{ displayName: user.displayName, locale: user.locale }}
        lastResult={actionData?.intent === "profile" ? actionData.result : undefined}
      />
      <PasswordForm
        key={`password-${formKey}`}
        email={user.email}
        lastResult={actionData?.intent === "password" ? actionData.result : undefined}
        params={actionData?.intent === "password" ? actionData.params : undefined}
      />
      <PrivacyForm
        key={`privacy-${formKey}`}
        defaults={privacy}
        lastResult={actionData?.intent === "privacy" ? actionData.result : undefined}
      />
      <ReminderForm
        key={`reminders-${formKey}`}
        defaults={reminders}
        lastResult={actionData?.intent === "reminders" ? actionData.result : undefined}
      />
      <NotificationSettingsLink />
      <SessionsForm otherSessions={otherSessions} />
      <CalendarFeedSection createdAt={calendarFeedCreatedAt} />
      <MyOrganizations organizations={organizations} />
    </div>
  );
}
