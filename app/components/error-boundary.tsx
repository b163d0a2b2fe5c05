import { isRouteErrorResponse, Link, useRouteError, type ErrorResponse } from "@remix-run/react";
import type { ReactNode } from "react";
import { dictionaries, type MessageKey } from "~/i18n/dictionary";
import { defaultLocale } from "~/i18n/locales";
import { useT } from "~/i18n/use-t";

function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && value in dictionaries[defaultLocale];
}

/** The title and explanation for an HTTP status, falling back to the nearest generic one (4xx → 400, 5xx → 500). */
export function errorMessageKeys(status: number): { title?: MessageKey; text: MessageKey } {
  const generic = status >= 400 && status < 500 ? "400" : "500";
  const code = isMessageKey(`error.${status}`) ? String(status) : generic;
  const title = `error.title.${code}`;
  return { title: isMessageKey(title) ? title : undefined, text: `error.${code}` as MessageKey };
}

type Props = {
  /** Custom rendering for particular statuses, e.g. a 403 that explains how to join an alliance. */
  statusHandlers?: Partial<Record<number, (error: ErrorResponse) => ReactNode>>;
};

/**
 * The one error boundary every route uses: thrown Responses (404 from `invariantResponse`, 403 from a
 * policy check) and unexpected errors render in the user's language. Stack traces appear only in development.
 */
export function GeneralErrorBoundary({ statusHandlers }: Props) {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const custom = isRouteErrorResponse(error) ? statusHandlers?.[status]?.(error) : undefined;
  const { title, text } = errorMessageKeys(status);
  const detail = isRouteErrorResponse(error) && isMessageKey(error.data) ? error.data : text;
  const debug = process.env.NODE_ENV === "development" && error instanceof Error ? error.stack : undefined;

  return (
    <section
      aria-labelledby={custom ? undefined : "error-title"}
      className="mx-auto flex max-w-2xl flex-col items-start gap-4 px-4 py-16 sm:px-6"
    >
      <p className="font-mono text-sm font-semibold tracking-wider text-teal-700">{status}</p>
      {custom ?? (
        <>
          <h1 id="error-title" className="text-3xl font-bold tracking-tight text-slate-900">
            {t(title ?? detail)}
          </h1>
          {title && <p className="text-lg text-slate-600">{t(detail)}</p>}
        </>
      )}
      <Link
        to="/"
        className="mt-4 inline-flex items-center rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
      >
        {t("error.backHome")}
      </Link>
      {debug && (
        <pre className="mt-6 w-full overflow-auto rounded bg-slate-900 p-4 text-xs text-slate-100">
          {debug}
        </pre>
      )}
    </section>
  );
}
