import { useFetcher, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { ErrorList } from "~/components/form/error-list";
import { StatusMessage } from "~/components/form/status-message";
import { SubmitButton } from "~/components/form/submit-button";
import { ACCEPTED_EXTENSIONS, LIMIT_PARAMS, MAX_FILES } from "~/files/limits";
import type { MessageKey } from "~/i18n/dictionary";
import { useLocale, useT } from "~/i18n/use-t";
import type { AttachmentReply } from "~/utils/attachment-action.server";
import { fileKind, formatBytes } from "./format";

export type AttachmentItem = {
  id: string;
  fileName: string;
  mime: string;
  size: number;
};

type Props = {
  /** The owner's attachments route, e.g. `/resources/<id>/attachments`. */
  action: string;
  attachments: readonly AttachmentItem[];
  /** May upload and delete. */
  manage: boolean;
};

/** The form works without JavaScript: until hydration it posts with `?from=page` and is redirected back here. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

const PAGE_NOTICES = new Set(["uploaded", "deleted"]);
const PAGE_ERRORS = new Set([
  "noFile",
  "oneFile",
  "tooLarge",
  "tooMany",
  "malformed",
  "empty",
  "type",
  "svg",
  "html",
  "zipBomb",
  "macro",
  "nameEmpty",
  "namePath",
  "nameControl",
  "nameBidi",
  "nameTooLong",
]);

/** What the last submission said: the fetcher's reply, or (without JavaScript) the page's query. */
function useOutcome(reply: AttachmentReply | undefined): { ok: boolean; key: MessageKey } | null {
  const [search] = useSearchParams();
  if (reply) return reply;
  const error = search.get("attachmentError");
  if (error && PAGE_ERRORS.has(error)) return { ok: false, key: `attachment.error.${error}` as MessageKey };
  const notice = search.get("attachment");
  if (notice && PAGE_NOTICES.has(notice)) return { ok: true, key: `attachment.${notice}` as MessageKey };
  return null;
}

function DeleteButton({ action, item }: { action: string; item: AttachmentItem }) {
  const t = useT();
  const fetcher = useFetcher<AttachmentReply>({ key: `attachment-delete-${item.id}` });
  return (
    <fetcher.Form method="post" action={action} preventScrollReset>
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="attachmentId" value={item.id} />
      <SubmitButton
        variant="secondary"
        className="px-2 py-1 text-xs"
        pending={fetcher.state !== "idle"}
        aria-label={t("attachment.deleteLabel", { name: item.fileName })}
      >
        {t("attachment.delete")}
      </SubmitButton>
    </fetcher.Form>
  );
}

export function AttachmentsPanel({ action, attachments, manage }: Props) {
  const t = useT();
  const locale = useLocale();
  const hydrated = useHydrated();
  const formAction = hydrated ? action : `${action}?from=page`;
  const upload = useFetcher<AttachmentReply>({ key: `attachment-upload-${action}` });
  const outcome = useOutcome(upload.data);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (upload.state === "idle" && upload.data?.ok) formRef.current?.reset();
  }, [upload.state, upload.data]);
  const full = attachments.length >= MAX_FILES;

  return (
    <section id="attachments" aria-labelledby="attachments-title" className="mt-8">
      <h2 id="attachments-title" className="text-lg font-semibold text-slate-900">
        {t("attachment.title")}
      </h2>
      {attachments.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("attachment.empty")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {attachments.map((item) => (
            <li key={item.id} className="flex items-center justify-between gap-3 px-4 py-2.5">
              <div className="min-w-0">
                <a
                  href={`/attachments/${item.id}`}
                  download={item.fileName}
                  aria-label={t("attachment.download", { name: item.fileName })}
                  className="block truncate text-sm font-medium text-teal-700 underline hover:text-teal-900"
                >
                  {item.fileName}
                </a>
                <span className="text-xs text-slate-500">
                  {t(fileKind(item.mime))} · {formatBytes(locale, item.size)}
                </span>
              </div>
              {manage && <DeleteButton action={formAction} item={item} />}
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <div className="mt-4 space-y-3">
          {outcome &&
            (outcome.ok ? (
              <StatusMessage>{t(outcome.key)}</StatusMessage>
            ) : (
              <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3">
                <ErrorList errors={[outcome.key]} params={LIMIT_PARAMS} />
              </div>
            ))}
          {full ? (
            <p className="text-sm text-slate-600">{t("attachment.full", LIMIT_PARAMS)}</p>
          ) : (
            <upload.Form
              ref={formRef}
              method="post"
              encType="multipart/form-data"
              action={formAction}
              preventScrollReset
              className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
            >
              <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium text-slate-800">
                {t("attachment.choose")}
                <input
                  type="file"
                  name="file"
                  required
                  accept={ACCEPTED_EXTENSIONS}
                  aria-describedby="attachments-hint"
                  className="text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-200"
                />
              </label>
              <SubmitButton pending={upload.state !== "idle"}>{t("attachment.upload")}</SubmitButton>
              <p id="attachments-hint" className="w-full text-xs text-slate-500">
                {t("attachment.hint", LIMIT_PARAMS)}
              </p>
            </upload.Form>
          )}
        </div>
      )}
    </section>
  );
}
