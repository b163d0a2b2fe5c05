import { Link } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale } from "~/i18n/use-t";

type LinkedNode = { id: string; slug: string; chainSlug: string; nameZh: string; nameEn: string };

/** A record's chain nodes under a heading, each a link to the node's page. */
export function NodeLinks({ heading, nodes }: { heading: string; nodes: readonly LinkedNode[] }) {
  const locale = useLocale();
  return (
    <section className="mt-6">
      <h2 className="text-sm font-semibold text-slate-900">{heading}</h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {nodes.map((node) => (
          <li key={node.id}>
            <Link
              to={`/chains/${node.chainSlug}/${node.slug}`}
              className="rounded-full bg-teal-50 px-2.5 py-1 text-sm text-teal-800 ring-1 ring-teal-200 hover:bg-teal-100"
            >
              {pick(locale, node.nameZh, node.nameEn)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
