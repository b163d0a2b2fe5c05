import { Form } from "@remix-run/react";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { useT } from "~/i18n/use-t";
import { SettingsSection } from "./settings-section";

/** How many other sessions are active, and a button that ends them all. */
export function SessionsForm({ otherSessions }: { otherSessions: number }) {
  const t = useT();
  const pending = useIsPending({ formAction: "/settings", intent: "sessions" });
  return (
    <SettingsSection id="settings-sessions" title={t("auth.settings.sessions.heading")}>
      <p className="text-sm text-slate-700">
        {otherSessions > 0
          ? t("auth.settings.sessions.count", { count: otherSessions })
          : t("auth.settings.sessions.none")}
      </p>
      {otherSessions > 0 && (
        <Form method="post" action="/settings" className="mt-4">
          <input type="hidden" name="intent" value="sessions" />
          <SubmitButton pending={pending} variant="secondary">
            {t("auth.settings.sessions.submit")}
          </SubmitButton>
        </Form>
      )}
    </SettingsSection>
  );
}
