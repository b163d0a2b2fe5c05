import type { TranslateParams } from "~/i18n/translate";
import { ErrorList } from "./error-list";

type Props = {
  /** conform's `form.errorId`, which the form's aria-describedby points at. */
  id?: string;
  errors?: readonly string[] | null;
  params?: TranslateParams;
};

/** Errors about the whole submission (wrong credentials, throttling), announced as soon as they appear. */
export function FormErrors({ id, errors, params }: Props) {
  if (!errors?.length) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3">
      <ErrorList id={id} errors={errors} params={params} />
    </div>
  );
}
