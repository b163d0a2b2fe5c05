import { formatMoment } from "~/components/org/format";
import { useLocale, useT } from "~/i18n/use-t";
import { hasChanges, type DiffLine } from "~/utils/line-diff";

type Version = {
  version: number;
  editorName: string | null;
  createdAt: Date | string;
  /** Null for the first version, which has nothing before it. */
  diff: { title: DiffLine[]; tags: DiffLine[]; body: DiffLine[] } | null;
};

const lineStyle: Record<DiffLine["kind"], string> = {
  same: "text-slate-600",
  added: "bg-emerald-50 text-emerald-900",
  removed: "bg-red-50 text-red-900 line-through decoration-red-300",
};
const marker: Record<DiffLine["kind"], string> = { same: " ", added: "+", removed: "−" };

function Diff({ label, lines }: { label: string; lines: DiffLine[] }) {
  const t = useT();
  if (!hasChanges(lines)) return null;
  return (
    <div className="mt-3">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</h3>
      <pre className="mt-1 overflow-x-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-2 font-mono text-xs leading-5">
        {lines.map((line, index) => (
          <div key={index} className={lineStyle[line.kind]}>
            <span aria-hidden="true" className="mr-2 select-none">
              {marker[line.kind]}
            </span>
            {line.kind !== "same" && (
              <span className="sr-only">
                {t(line.kind === "added" ? "problemCare.revisions.added" : "problemCare.revisions.removed")}
                :{" "}
              </span>
            )}
            {line.text || "\u00a0"}
          </div>
        ))}
      </pre>
    </div>
  );
}

/** The versions of a problem's text, newest first, with what each changed. */
export function RevisionList({ versions }: { versions: Version[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="mt-8 space-y-6">
      {versions.map((version) => (
        <li key={version.version} className="rounded-xl border border-slate-200 bg-slate-50 p-4">
          <h2 className="text-base font-semibold text-slate-900">
            {t("problemCare.revisions.version", { version: version.version })}
          </h2>
          <p className="text-xs text-slate-500">
            {t("problemCare.revisions.by", {
              editor: version.editorName ?? t("problemCare.revisions.someone"),
              time: formatMoment(locale, new Date(version.createdAt)),
            })}
          </p>
          {version.diff === null ? (
            <p className="mt-2 text-sm text-slate-600">{t("problemCare.revisions.first")}</p>
          ) : hasChanges([...version.diff.title, ...version.diff.tags, ...version.diff.body]) ? (
            <>
              <Diff label={t("problemCare.revisions.field.title")} lines={version.diff.title} />
              <Diff label={t("problemCare.revisions.field.tags")} lines={version.diff.tags} />
              <Diff label={t("problemCare.revisions.field.body")} lines={version.diff.body} />
            </>
          ) : (
            <p className="mt-2 text-sm text-slate-600">{t("problemCare.revisions.noTextChange")}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
