/**
 * Why a membership change was refused. Shared by HTTP actions and (later) socket handlers: each code
 * has a message in app/i18n/messages/membership.ts and an HTTP status below.
 */
export const membershipErrors = {
  forbidden: 403,
  not_found: 404,
  invite_only: 409,
  last_chair: 409,
  not_pending: 409,
  not_member: 409,
  invitation_expired: 410,
  invitation_used: 410,
  invitation_revoked: 410,
  invitation_wrong_email: 403,
} as const;

export type MembershipError = keyof typeof membershipErrors;

export type Outcome<T extends object = object> = ({ ok: true } & T) | { ok: false; error: MembershipError };

export function refused(error: MembershipError): { ok: false; error: MembershipError } {
  return { ok: false, error };
}
