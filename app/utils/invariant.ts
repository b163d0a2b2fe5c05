/**
 * Throws a Response with `status` unless `condition` holds; the nearest error boundary renders it in the
 * user's language. `message` is for logs and tests; when it is a message key ("alliance.notFound") the
 * boundary shows its translation instead of the status's standard text.
 */
export function invariantResponse(condition: unknown, status: number, message?: string): asserts condition {
  if (condition) return;
  throw new Response(message ?? null, {
    status,
    headers: message ? { "Content-Type": "text/plain; charset=utf-8" } : undefined,
  });
}
