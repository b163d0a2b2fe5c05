import { useLocation } from "@remix-run/react";
import { useEffect, useRef, type KeyboardEvent } from "react";

/**
 * A <details> menu works without JavaScript; with it, this closes the menu after a client-side
 * navigation (the page does not reload, so it would stay open) and on Escape, returning focus to its summary.
 */
export function useDisclosure() {
  const ref = useRef<HTMLDetailsElement>(null);
  const { key } = useLocation();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [key]);
  const onKeyDown = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== "Escape" || !ref.current?.open) return;
    ref.current.open = false;
    ref.current.querySelector("summary")?.focus();
  };
  return { ref, onKeyDown };
}
