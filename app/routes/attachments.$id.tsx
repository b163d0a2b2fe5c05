import fs from "node:fs/promises";
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition } from "~/files/file-name.server";
import { attachmentForDownload } from "~/models/attachments.server";
import { invariantResponse } from "~/utils/invariant";
import { getOptionalUser } from "~/utils/session.server";

/**
 * Downloads an attachment, for whoever may see its resource or problem (404 for everyone else, as
 * the listing itself). Always as a download, never shown inline: nosniff (sent on every response by
 * the server's security headers, so not repeated here) keeps browsers to the sniffed type, and a
 * sandbox CSP, enforced beside the site-wide one, strips script and origin from anything opened anyway.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await getOptionalUser(args);
  const { db, config, log } = args.context.services;
  const file = await attachmentForDownload(db, user, config.dataDir, args.params.id ?? "");
  invariantResponse(file, 404, "attachment.notFound");
  const handle = await fs.open(file.path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
    log.warn({ attachmentId: args.params.id }, "attachment file missing");
    return null;
  });
  invariantResponse(handle, 404, "attachment.fileMissing");
  const body = createReadableStreamFromReadable(handle.createReadStream());
  return new Response(body, {
    headers: {
      "Content-Type": file.mime.startsWith("text/") ? `${file.mime}; charset=utf-8` : file.mime,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(file.fileName),
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "private, no-store",
      Digest: `sha-256=${Buffer.from(file.sha256, "hex").toString("base64")}`,
    },
  });
}
