import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { LIMIT_PARAMS } from "~/files/limits";
import { receiveUpload, type UploadRefusal } from "~/files/upload.server";
import type { MessageKey } from "~/i18n/dictionary";
import { detectLocale, translate } from "~/i18n/detect";
import { deleteAttachment, saveAttachment, type AttachmentOwner } from "~/models/attachments.server";
import { problemAccess } from "~/models/problem-access.server";
import { resourceAccess } from "~/models/resource-access.server";
import { invariantResponse } from "./invariant";
import { getOptionalUser } from "./session.server";

/**
 * Upload and delete for the attachments of a resource or a problem (the two routes differ only in
 * `kind`). Only its managers may: a resource's provider representatives (`resource.manage`), a
 * problem's poster and moderators; a listing the viewer cannot see is 404.
 *
 * Fetchers get JSON with the status (413 too large, 415 not an accepted type, 400 otherwise) and
 * the message in the user's language. The form posts with `?from=page` until the page is hydrated:
 * without JavaScript the answer is a redirect back to the page, which shows the message.
 */

export type AttachmentReply =
  { ok: true; message: string; key: MessageKey } | { ok: false; message: string; key: MessageKey };

type Refusal = UploadRefusal | "tooMany";

const statusOf = (refusal: Refusal): number => {
  if (refusal === "tooLarge") return 413;
  if (refusal === "tooMany") return 409;
  if (["type", "svg", "html", "macro"].includes(refusal)) return 415;
  return 400;
};

/** Small forms (the delete button) are read whole; the 1 MiB server limit does not cover this path. */
const MAX_FIELDS_BYTES = 16 * 1024;

export async function attachmentAction(args: ActionFunctionArgs, kind: AttachmentOwner["kind"]) {
  const { request, context } = args;
  const { db, config } = context.services;
  const id = args.params.id ?? "";
  const page = `/${kind}s/${encodeURIComponent(id)}`;
  const { user } = await getOptionalUser(args);
  if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: page })}`);
  const listing =
    kind === "resource" ? await resourceAccess(db, user, id) : await problemAccess(db, user, id);
  invariantResponse(listing, 404, kind === "resource" ? "resource.notFound" : "problem.notFound");
  invariantResponse(listing.manage, 403, "attachment.forbidden");
  const owner: AttachmentOwner = { kind, id: listing.id };

  const locale = detectLocale(request.headers);
  const fromPage = new URL(request.url).searchParams.get("from") === "page";
  const reply = (ok: boolean, key: MessageKey, status: number) => {
    if (fromPage) {
      const search = new URLSearchParams({ [ok ? "attachment" : "attachmentError"]: key.split(".").pop()! });
      return redirect(`${page}?${search}#attachments`);
    }
    const message = translate(locale, key, LIMIT_PARAMS);
    // Closing the connection lets a client still sending a refused body stop at once.
    const headers = status === 413 ? { Connection: "close" } : undefined;
    return json<AttachmentReply>({ ok, key, message } as AttachmentReply, { status, headers });
  };
  const refuse = (refusal: Refusal) => reply(false, `attachment.error.${refusal}`, statusOf(refusal));

  if (!/^multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) {
    const length = Number(request.headers.get("content-length") ?? Number.NaN);
    if (!(length <= MAX_FIELDS_BYTES)) return refuse("tooLarge");
    const form = await request.formData().catch(() => null);
    if (form?.get("intent") !== "delete") return refuse("malformed");
    const deleted = await deleteAttachment(
      { db, dataDir: config.dataDir },
      owner,
      String(form.get("attachmentId")),
    );
    invariantResponse(deleted, 404, "attachment.notFound");
    return reply(true, "attachment.deleted", 200);
  }

  const received = await receiveUpload(request, config.dataDir);
  if (!received.ok) return refuse(received.error);
  const saved = await saveAttachment({ db, dataDir: config.dataDir }, owner, user.id, received.file);
  if (!saved.ok) return refuse(saved.error);
  return reply(true, "attachment.uploaded", 201);
}
