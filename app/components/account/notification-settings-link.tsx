import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { SettingsSection } from "./settings-section";

/** The settings page's way to the notification settings, which have a page of their own. */
export function NotificationSettingsLink() {
  const t = useT();
  return (
    <SettingsSection
      id="settings-notifications"
      title={t("notificationPrefs.link.heading")}
      lead={t("notificationPrefs.link.lead")}
    >
      <Link
        to="/settings/notifications"
        className="inline-flex rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
      >
        {t("notificationPrefs.link.action")}
      </Link>
    </SettingsSection>
  );
}
