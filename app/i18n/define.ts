/**
 * One namespace of messages, both languages side by side. The type makes the English table name
 * exactly the keys of the Chinese one, so a missing translation fails the typecheck.
 */
export function defineMessages<const Z extends Record<string, string>>(messages: {
  "zh-CN": Z;
  en: { [K in keyof Z]: string };
}) {
  return messages;
}
