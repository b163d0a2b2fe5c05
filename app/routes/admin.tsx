import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { AdminTabs } from "~/components/admin/admin-tabs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { metaTranslator } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requirePlatformRight } from "~/utils/admin-guard.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("admin.title")} · ${t("common.appName")}` }];
};

/** Every /admin page is for platform operators; each child asks the policy for its own action too. */
export async function loader(args: LoaderFunctionArgs) {
  await requirePlatformRight(args, "admin.insights.view");
  return null;
}

export default function AdminLayout() {
  const t = useT();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 print:max-w-none print:p-0">
      <h1 className="text-2xl font-semibold text-slate-900 print:hidden">{t("admin.title")}</h1>
      <AdminTabs />
      <div className="mt-6">
        <Outlet />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
