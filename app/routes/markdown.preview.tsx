import type { ActionFunctionArgs } from "@remix-run/node";
import type { MessageKey } from "~/i18n/dictionary";
import { PREVIEW_MAX_LENGTH } from "~/markdown/limits";
import { renderMarkdown } from "~/markdown/render.server";
import { requireUser } from "~/utils/session.server";

export type PreviewReply = { html: string; error?: undefined } | { html?: undefined; error: MessageKey };

/** Only the editor's preview tab posts here; there is nothing to GET. */
export function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}

/**
 * Renders a draft exactly as the page will show it once saved (app/components/markdown/markdown-editor.tsx).
 * It answers with Responses, as resource routes must under single fetch (anything else becomes a 200);
 * the editor's fetcher receives the same JSON, decoded.
 */
export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const form = await args.request.formData().catch(() => null);
  const text = form?.get("text");
  if (typeof text !== "string") return reply({ error: "markdown.preview.invalid" }, { status: 400 });
  if (text.length > PREVIEW_MAX_LENGTH) return reply({ error: "markdown.preview.tooLong" }, { status: 400 });
  return reply({ html: renderMarkdown(text) });
}

function reply(body: PreviewReply, init?: ResponseInit): Response {
  return Response.json(body, init);
}
