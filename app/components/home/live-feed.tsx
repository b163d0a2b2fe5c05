import { Link } from "@remix-run/react";
import { useCallback, useMemo, useState } from "react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { PLATFORM_TOPIC } from "~/realtime/topics";
import { useLive } from "~/realtime/use-live";
import type { Activity } from "~/realtime/types";
import { focusRing } from "../layout/nav-items";
import { toFeedItem, type FeedItem } from "./feed";

const MAX_ITEMS = 20;
/** Qilian serves Tianjin: one fixed zone also keeps server and browser rendering the same text. */
const TIME_ZONE = "Asia/Shanghai";

type Props = { initial: FeedItem[]; after: number; signedIn: boolean };

/**
 * The platform's recent activity. Signed-in visitors get new entries as they happen (the socket server
 * refuses anonymous connections, so others see the list as rendered). Remount it with a new `after`
 * when the loader data changes.
 */
export function LiveFeed({ initial, after, signedIn }: Props) {
  const t = useT();
  const locale = useLocale();
  const [items, setItems] = useState(initial);
  const onActivity = useCallback((activity: Activity) => {
    const item = toFeedItem(activity);
    if (!item) return;
    setItems((current) =>
      current.some((seen) => seen.id === item.id) ? current : [item, ...current].slice(0, MAX_ITEMS),
    );
  }, []);
  const { connected } = useLive(signedIn ? PLATFORM_TOPIC : null, after, onActivity);
  const time = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone: TIME_ZONE,
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }),
    [locale],
  );

  return (
    <section
      aria-labelledby="live-title"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id="live-title" className="text-lg font-semibold text-slate-900">
          {t("home.live.title")}
        </h2>
        {connected && (
          <span className="inline-flex items-center gap-1.5 text-xs font-medium text-teal-700">
            <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-teal-500" />
            {t("home.live.connected")}
          </span>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-500">
        {signedIn ? (
          t("home.live.lead")
        ) : (
          <Link
            to="/login"
            className={`rounded underline decoration-slate-300 underline-offset-2 hover:text-teal-800 ${focusRing}`}
          >
            {t("home.live.signInForLive")}
          </Link>
        )}
      </p>
      <div aria-live="polite">
        {items.length === 0 ? (
          <p className="mt-4 text-sm text-slate-500">{t("home.live.empty")}</p>
        ) : (
          <ol className="mt-4 divide-y divide-slate-100">
            {items.map((item) => (
              <li key={item.id} className="flex items-start gap-3 py-2.5">
                <span
                  aria-hidden="true"
                  className="mt-0.5 grid size-7 shrink-0 place-items-center rounded-full bg-teal-100 text-xs font-bold text-teal-800"
                >
                  {Array.from(item.name)[0]}
                </span>
                <div className="min-w-0 flex-1">
                  <p className="text-sm text-slate-800">
                    {item.organization
                      ? t("home.live.joinedFrom", {
                          name: item.name,
                          organization: pick(locale, item.organization.nameZh, item.organization.nameEn),
                        })
                      : t("home.live.joined", { name: item.name })}
                  </p>
                  <time dateTime={item.at} className="text-xs tabular-nums text-slate-500">
                    {time.format(new Date(item.at))}
                  </time>
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
