/** A multi-value field's value as conform reports it: undefined, one string, or several. */
export const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
