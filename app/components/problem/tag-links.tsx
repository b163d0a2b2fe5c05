import { Link } from "@remix-run/react";

/** A problem's tags, each a link to the board filtered by it. */
export function TagLinks({ tags }: { tags: readonly string[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag}>
          <Link
            to={`/problems?tag=${encodeURIComponent(tag)}`}
            className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-200"
          >
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
