import type { MessageKey } from "~/i18n/dictionary";
import type { TranslateParams } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";

type Props = {
  /** The id the control's aria-describedby points at (conform's `errorId`). */
  id?: string;
  /** Message keys, as the zod schemas and actions report them. */
  errors?: readonly string[] | null;
  params?: TranslateParams;
};

/** A field's errors in the page's language. */
export function ErrorList({ id, errors, params }: Props) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1.5 space-y-0.5 text-sm text-red-700">
      {errors.map((error) => (
        <li key={error}>{t(error as MessageKey, params)}</li>
      ))}
    </ul>
  );
}
