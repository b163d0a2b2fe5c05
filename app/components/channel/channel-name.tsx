import { useT } from "~/i18n/use-t";

/** `# name`, or a lock before the name of a private channel. */
export function ChannelName({
  name,
  kind,
  className = "",
}: {
  name: string;
  kind: "general" | "open" | "private";
  className?: string;
}) {
  const t = useT();
  return (
    <span className={`flex min-w-0 items-center gap-1 ${className}`}>
      {kind === "private" ? (
        <svg
          role="img"
          aria-label={t("channel.kind.private")}
          viewBox="0 0 16 16"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          className="size-3.5 shrink-0 text-slate-500"
        >
          <rect x="3" y="7" width="10" height="7" rx="1.5" />
          <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
        </svg>
      ) : (
        <span aria-hidden="true" className="shrink-0 text-slate-400">
          #
        </span>
      )}
      <span className="truncate">{name}</span>
    </span>
  );
}
