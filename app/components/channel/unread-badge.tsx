import { useT } from "~/i18n/use-t";

/** Badges stop growing here (the list counts one more to know there are more). */
const BADGE_MAX = 99;

export function badgeText(count: number): string {
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(count);
}

/**
 * An unread count beside a channel or alliance: red when some of the unread messages mention the
 * viewer. Screen readers get the sentence, not the bare number.
 */
export function UnreadBadge({ unread, mentions }: { unread: number; mentions: number }) {
  const t = useT();
  if (unread <= 0) return null;
  const label =
    mentions > 0
      ? t("channel.unreadMentions", { count: badgeText(unread), mentions: badgeText(mentions) })
      : t("channel.unread", { count: badgeText(unread) });
  return (
    <span
      data-unread={unread}
      data-mentions={mentions}
      title={label}
      className={`ml-auto shrink-0 whitespace-nowrap rounded-full px-1.5 text-center text-[11px] font-bold leading-5 ${
        mentions > 0 ? "bg-red-600 text-white" : "bg-slate-200 text-slate-800"
      }`}
    >
      <span aria-hidden="true">
        {mentions > 0 ? "@ " : ""}
        {badgeText(unread)}
      </span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
