import type { Translate } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { useTypists, type Typist } from "~/realtime/use-typing";

function sentence(t: Translate, typists: Typist[]): string {
  if (typists.length === 1) return t("presence.typing.one", { name: typists[0].name });
  if (typists.length === 2) {
    return t("presence.typing.two", { first: typists[0].name, second: typists[1].name });
  }
  return t("presence.typing.many", { count: typists.length });
}

/**
 * "X 正在输入…" under a channel's messages. Its line keeps its height when empty so the list does not
 * jump; `hidden` for channels with more than 100 readers, where the server relays no typing anyway.
 */
export function TypingIndicator({ channelId, hidden = false }: { channelId: string; hidden?: boolean }) {
  const t = useT();
  const typists = useTypists(hidden ? null : channelId);
  if (hidden) return null;
  return (
    <p aria-live="polite" data-typing={typists.length} className="h-5 truncate text-xs text-slate-500">
      {typists.length > 0 && sentence(t, typists)}
    </p>
  );
}
