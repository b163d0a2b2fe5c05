/** Limits on uploaded attachments, shared by the server, the HTTP body check and the upload form. */

/** One file, at most. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Characters in a file name. */
export const MAX_NAME_LENGTH = 200;

/** Files per resource or problem. */
export const MAX_FILES = 10;

/** A whole upload request: one file plus the multipart framing around it. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_FILE_BYTES + 64 * 1024;

/**
 * The upload routes (and their single-fetch `.data` twins). They read their own bodies, streamed and
 * capped, so the server's 1 MiB form limit must let them through.
 */
export const UPLOAD_PATH = /^\/(resources|problems)\/[^/]+\/attachments(\.data)?$/;

/** What the file picker offers; the server decides by content, whatever the name says. */
export const ACCEPTED_EXTENSIONS =
  ".pdf,.png,.jpg,.jpeg,.webp,.gif,.docx,.xlsx,.pptx,.txt,.csv,.md,text/plain,text/csv,application/pdf,image/png,image/jpeg,image/webp,image/gif";

/** The placeholders of the attachment messages. */
export const LIMIT_PARAMS = {
  maxMb: MAX_FILE_BYTES / (1024 * 1024),
  maxFiles: MAX_FILES,
  maxName: MAX_NAME_LENGTH,
};
