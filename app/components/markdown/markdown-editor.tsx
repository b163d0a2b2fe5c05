import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { FieldFrame, hintId, type FieldMeta } from "~/components/form/field-frame";
import { controlClass, describedBy } from "~/components/form/styles";
import type { TextareaProps } from "~/components/form/textarea-field";
import { useT } from "~/i18n/use-t";
import { PREVIEW_MAX_LENGTH } from "~/markdown/limits";
import type { PreviewReply } from "~/routes/markdown.preview";
import { MarkdownView } from "./markdown-view";

type Tab = "write" | "preview";
const TABS: readonly Tab[] = ["write", "preview"];

type Props = {
  label: string;
  /** Shown under the field; the Markdown hint when left out. */
  hint?: string;
  /** What conform's getTextareaProps returns (id, name, defaultValue, aria-*, key). */
  textareaProps: TextareaProps;
  meta: FieldMeta;
};

/**
 * A Markdown textarea with Write and Preview tabs (the WAI-ARIA tabs pattern: arrow keys, Home and End
 * move between them). The preview is rendered by the server's own renderer (routes/markdown.preview.tsx),
 * so it shows exactly what the saved text will look like. Without JavaScript it is the plain textarea:
 * the tabs appear only once the page is hydrated. The textarea stays in the form while the preview is
 * shown, so submitting from either tab sends the text.
 */
export function MarkdownEditor({ label, hint, textareaProps, meta }: Props) {
  const t = useT();
  const { key, ...props } = textareaProps;
  const id = props.id;
  const [tab, setTab] = useState<Tab>("write");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const tabButtons = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const fetcher = useFetcher<PreviewReply>();
  const hintText = hint ?? t("markdown.editor.hint");

  const select = (next: Tab, focus = false) => {
    setTab(next);
    if (focus) tabButtons.current[next]?.focus();
    if (next === "preview")
      fetcher.submit(
        { text: textarea.current?.value ?? "" },
        { method: "post", action: "/markdown/preview" },
      );
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.indexOf(tab);
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % TABS.length,
      ArrowLeft: (index - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    select(TABS[moves[event.key]], true);
  };

  const tabId = (which: Tab) => `${id}-tab-${which}`;
  const panelId = (which: Tab) => `${id}-panel-${which}`;

  return (
    <FieldFrame controlId={id} label={label} hint={hintText} meta={meta}>
      {hydrated && (
        <div
          role="tablist"
          aria-label={t("markdown.editor.tabs")}
          className="mt-1 flex gap-1 border-b border-slate-200"
        >
          {TABS.map((which) => (
            <button
              key={which}
              ref={(element) => {
                tabButtons.current[which] = element;
              }}
              type="button"
              role="tab"
              id={tabId(which)}
              aria-selected={tab === which}
              aria-controls={panelId(which)}
              tabIndex={tab === which ? 0 : -1}
              onClick={() => select(which)}
              onKeyDown={onTabKey}
              className={
                "-mb-px rounded-t-md border px-3 py-1.5 text-sm font-medium focus:outline-2 focus:outline-teal-600/40 " +
                (tab === which
                  ? "border-slate-200 border-b-white bg-white text-slate-900"
                  : "border-transparent text-slate-600 hover:text-slate-900")
              }
            >
              {t(which === "write" ? "markdown.editor.write" : "markdown.editor.preview")}
            </button>
          ))}
        </div>
      )}
      <div
        id={panelId("write")}
        role={hydrated ? "tabpanel" : undefined}
        aria-labelledby={hydrated ? tabId("write") : undefined}
        hidden={tab !== "write"}
      >
        <textarea
          key={key}
          ref={textarea}
          rows={10}
          {...props}
          aria-describedby={describedBy(props["aria-describedby"], hintId(id))}
          className={`${controlClass} font-mono`}
        />
      </div>
      {hydrated && (
        <div
          id={panelId("preview")}
          role="tabpanel"
          aria-labelledby={tabId("preview")}
          aria-busy={fetcher.state !== "idle"}
          hidden={tab !== "preview"}
          tabIndex={0}
          className="mt-1 min-h-40 rounded-md border border-slate-200 bg-white px-4 py-3"
        >
          <PreviewBody state={fetcher.state} reply={fetcher.data} />
        </div>
      )}
    </FieldFrame>
  );
}

function PreviewBody({ state, reply }: { state: string; reply: PreviewReply | undefined }) {
  const t = useT();
  if (state !== "idle" || !reply)
    return <p className="text-sm text-slate-500">{t("markdown.preview.loading")}</p>;
  if (reply.error !== undefined)
    return (
      <p role="alert" className="text-sm font-medium text-red-700">
        {t(reply.error, { max: PREVIEW_MAX_LENGTH })}
      </p>
    );
  if (!reply.html.trim()) return <p className="text-sm text-slate-500">{t("markdown.preview.empty")}</p>;
  return <MarkdownView html={reply.html} />;
}
