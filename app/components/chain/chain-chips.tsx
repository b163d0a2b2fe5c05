import { pick } from "~/i18n/pick";
import { useLocale } from "~/i18n/use-t";

type ChainRef = { slug: string; nameZh: string; nameEn: string };

/** The chains something covers, as small labels in the reader's language. */
export function ChainChips({ chains, size = "xs" }: { chains: readonly ChainRef[]; size?: "xs" | "sm" }) {
  const locale = useLocale();
  return (
    <ul className="flex flex-wrap gap-1.5">
      {chains.map((chain) => (
        <li
          key={chain.slug}
          className={`rounded-md bg-teal-50 px-2 py-0.5 font-medium text-teal-800 ring-1 ring-teal-100 ${size === "sm" ? "text-sm" : "text-xs"}`}
        >
          {pick(locale, chain.nameZh, chain.nameEn)}
        </li>
      ))}
    </ul>
  );
}
