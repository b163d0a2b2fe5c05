import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useEffect } from "react";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import { errorMessageKeys, GeneralErrorBoundary } from "./components/error-boundary";
import { SiteFooter } from "./components/layout/site-footer";
import { SessionEndedBanner } from "./components/layout/session-ended-banner";
import { SiteHeader, SkipLink } from "./components/layout/site-header";
import { useNonce } from "./components/nonce";
import { detectLocale } from "./i18n/detect";
import { defaultLocale } from "./i18n/locales";
import { metaTranslator } from "./i18n/meta";
import { notificationBadge } from "./models/notification-badge.server";
import { userTopic } from "./realtime/topics";
import { getOptionalUser } from "./utils/session.server";
import stylesheet from "./tailwind.css?url";

// Single fetch is on (remix.config.js): type loader data the way it is sent, unwrapping `data()`.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await getOptionalUser({ request, context });
  // The bell: one query per page for a signed-in user, none for a visitor.
  const notifications = user
    ? { topic: userTopic(user.id), ...(await notificationBadge(context.services.db, user.id)) }
    : null;
  return {
    locale: detectLocale(request.headers),
    user: user && { id: user.id, displayName: user.displayName, isAdmin: user.platformRole === "admin" },
    notifications,
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, error }) => {
  const t = metaTranslator(matches);
  if (!error) return [{ title: t("common.appName") }, { name: "description", content: t("common.tagline") }];
  const { title, text } = errorMessageKeys(isRouteErrorResponse(error) ? error.status : 500);
  return [{ title: `${t(title ?? text)} · ${t("common.appName")}` }];
};

/** The document around every page, error pages included (then without loader data when the root loader failed). */
export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang={data?.locale ?? defaultLocale} className="h-full scroll-smooth">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f766e" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col bg-slate-50 text-slate-900 antialiased">
        <SkipLink />
        <SiteHeader user={data?.user ?? null} notifications={data?.notifications ?? null} />
        {data?.user && <SessionEndedBanner key={data.user.id} />}
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // Marks the document once React owns it: browser tests wait for this before typing, since text typed
  // into a controlled field before hydration is replaced by the server-rendered value.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
