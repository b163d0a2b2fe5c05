/** How long an invitation link works unless the inviter picks otherwise, and at most. */
export const INVITATION_DAYS = 7;
export const INVITATION_MAX_DAYS = 30;
