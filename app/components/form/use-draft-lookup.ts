import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";

/**
 * Asks `url` once typing pauses for `delayMs`, for hints beside a form being written; null asks
 * nothing. The answer is returned only while there is a question, so clearing the draft hides it.
 */
export function useDraftLookup<T>(url: string | null, delayMs: number): T | undefined {
  const fetcher = useFetcher<T>();
  const { load } = fetcher;
  useEffect(() => {
    if (url === null) return;
    const timer = setTimeout(() => load(url), delayMs);
    return () => clearTimeout(timer);
  }, [url, delayMs, load]);
  return url === null ? undefined : (fetcher.data as T | undefined);
}
