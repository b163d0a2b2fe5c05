import { GeneralErrorBoundary } from "~/components/error-boundary";

/** Any URL no other route claims: a real 404 status with the error page in the user's language. */
export function loader() {
  throw new Response(null, { status: 404 });
}

// Without a component this would be a resource route answering with a bare 404; the loader always throws.
export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
