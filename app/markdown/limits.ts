/** The longest text the preview endpoint renders; forms cap their own fields at or below it. */
export const PREVIEW_MAX_LENGTH = 20_000;
