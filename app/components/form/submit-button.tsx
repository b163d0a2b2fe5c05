import { useFormAction, useNavigation } from "@remix-run/react";
import type { ButtonHTMLAttributes } from "react";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** While true the button says so (aria-busy) and ignores further clicks. */
  pending?: boolean;
  variant?: "primary" | "secondary" | "danger";
};

const variants = {
  primary: "bg-teal-700 text-white hover:bg-teal-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  danger: "bg-red-700 text-white hover:bg-red-800",
};

export function SubmitButton({
  pending = false,
  variant = "primary",
  className = "",
  children,
  ...props
}: Props) {
  return (
    <button
      type="submit"
      {...props}
      aria-busy={pending || undefined}
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
        props.onClick?.(event);
      }}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 aria-busy:opacity-70 ${variants[variant]} ${className}`}
    >
      {pending && (
        <span
          aria-hidden="true"
          className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent"
        />
      )}
      {children}
    </button>
  );
}

/**
 * Whether this route's form (or `formAction`) is being submitted; `intent` narrows it to one of several
 * forms on a page, matched on the submitted `intent` field.
 */
export function useIsPending({ formAction, intent }: { formAction?: string; intent?: string } = {}): boolean {
  const navigation = useNavigation();
  const ownAction = useFormAction();
  if (navigation.state !== "submitting" || navigation.formAction !== (formAction ?? ownAction)) return false;
  return intent === undefined || navigation.formData?.get("intent") === intent;
}
