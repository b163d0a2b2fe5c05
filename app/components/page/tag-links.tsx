import { Link } from "@remix-run/react";

/** A problem tag's link: the board filtered by it. */
export const problemTagHref = (tag: string) => `/problems?tag=${encodeURIComponent(tag)}`;

/** A resource tag's link: the catalogue searched for it (resources have no tag filter). */
export const resourceTagHref = (tag: string) => `/resources?${new URLSearchParams({ q: tag })}`;

/** Tags as small links, each to the list they lead to. */
export function TagLinks({ tags, href }: { tags: readonly string[]; href: (tag: string) => string }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag}>
          <Link
            to={href(tag)}
            className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-200"
          >
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
