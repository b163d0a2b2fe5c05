import { dictionaries, type MessageKey } from "~/i18n/dictionary";
import { defaultLocale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import type { RequestError } from "./message-requests";

const byCode: Record<string, MessageKey> = {
  limit: "channel.error.limit",
  bad_request: "channel.error.bad_request",
  forbidden: "channel.error.forbidden",
  not_found: "channel.error.not_found",
  timeout: "channel.error.timeout",
};

/** The server words its refusals as message keys; anything else reads by its code. */
export function errorText(t: Translate, error: RequestError): string {
  if (error.message in dictionaries[defaultLocale]) return t(error.message as MessageKey);
  return t(byCode[error.code] ?? "channel.error.internal");
}
