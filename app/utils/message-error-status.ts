import type { MessageError } from "~/realtime/protocol";

/** The HTTP status of a refused message request, for the forms that post what the socket sends. */
export const messageErrorStatus: Record<MessageError["code"], number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  limit: 429,
  internal: 500,
};
