/** Presence and typing timings, shared by the server's relay and the browser's hooks. */

/** Pages re-ask who is online this often, so people whose server died drop out within a minute. */
export const PRESENCE_REFRESH_MS = 30_000;

/** At most one typing notice per user and channel this often (the composer sends no more either). */
export const TYPING_EVERY_MS = 3_000;

/** A typing notice shows this long unless another one from the same person renews it. */
export const TYPING_SHOWN_MS = 5_000;
