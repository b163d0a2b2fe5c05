import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";

/** The registrant list's forms and its query string. Messages are i18n keys. */

const m = (key: MessageKey) => key;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const NAME_SEARCH_MAX = 100;

/** The code box: the occurrence it checks people in for, and the code as typed (case, spaces, dashes free). */
export const checkInCodeSchema = z.object({
  intent: z.literal("code"),
  occurrenceId: z.string().regex(UUID, m("eventCheckIn.error.notFound")),
  code: z
    .string({ required_error: m("eventCheckIn.error.codeRequired") })
    .transform((code) => code.replace(/[\s-]/g, "").toUpperCase())
    .pipe(
      z
        .string()
        .min(1, m("eventCheckIn.error.codeRequired"))
        .regex(/^[A-Z0-9]{6}$/, m("eventCheckIn.error.codeInvalid")),
    ),
});

/** A row's check-in or undo button. */
export const checkInButtonSchema = z.object({
  intent: z.enum(["checkIn", "undo"]),
  registrationId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

/** `?occurrence=<id>&q=<name>`; anything malformed is ignored rather than refused. */
export function registrantQuery(url: URL): { occurrenceId: string | null; name: string } {
  const occurrence = url.searchParams.get("occurrence") ?? "";
  return {
    occurrenceId: UUID.test(occurrence) ? occurrence.toLowerCase() : null,
    name: (url.searchParams.get("q") ?? "").trim().slice(0, NAME_SEARCH_MAX),
  };
}
