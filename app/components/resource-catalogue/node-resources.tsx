import { Link } from "@remix-run/react";
import { useId } from "react";
import { focusRing } from "~/components/layout/nav-items";
import { useT } from "~/i18n/use-t";
import type { NodeResources as NodeResourceLists } from "~/models/resource-catalogue.server";
import { ResourceList, type ListedResource } from "./resource-list";

const link = `rounded text-sm font-medium text-teal-800 hover:underline ${focusRing}`;

function KindSection({
  title,
  empty,
  all,
  list,
}: {
  title: string;
  empty: string;
  all: { to: string; label: string } | null;
  list: { resources: ListedResource[]; total: number };
}) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {list.resources.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <ResourceList resources={list.resources} compact />
      )}
      {all && (
        <p className="mt-2">
          <Link to={all.to} className={link}>
            {all.label}
          </Link>
        </p>
      )}
    </section>
  );
}

/**
 * A node page's shared results and service offers: the newest few of each, and a link to the catalogue
 * for all of them when there are more.
 */
export function NodeResources({ nodeId, lists }: { nodeId: string; lists: NodeResourceLists }) {
  const t = useT();
  const catalogue = (kind?: string) =>
    `/resources?${new URLSearchParams(kind ? { node: nodeId, kind } : { node: nodeId })}`;
  const more = (kind: "result" | "service", label: string) =>
    lists[kind].total > lists[kind].resources.length ? { to: catalogue(kind), label } : null;
  return (
    <div className="mt-10" data-testid="node-resources">
      <div className="grid gap-8 lg:grid-cols-2">
        <KindSection
          title={t("resourceCatalogue.node.results", { count: lists.result.total })}
          empty={t("resourceCatalogue.node.noResults")}
          all={more("result", t("resourceCatalogue.node.allResults", { count: lists.result.total }))}
          list={lists.result}
        />
        <KindSection
          title={t("resourceCatalogue.node.services", { count: lists.service.total })}
          empty={t("resourceCatalogue.node.noServices")}
          all={more("service", t("resourceCatalogue.node.allServices", { count: lists.service.total }))}
          list={lists.service}
        />
      </div>
      <p className="mt-4">
        <Link to={catalogue()} className={link}>
          {t("resourceCatalogue.node.all")}
        </Link>
      </p>
    </div>
  );
}
