/**
 * Looks for rendered Markdown without @tailwindcss/typography: the renderer writes bare tags, so they
 * are styled from here. Headings start at h3 (the renderer demotes them).
 */
const proseClass = [
  "max-w-none break-words text-base leading-7 text-slate-800",
  "[&>*+*]:mt-4 [&_li+li]:mt-1 [&_li>ul]:mt-1 [&_li>ol]:mt-1",
  "[&_h3]:text-lg [&_h3]:font-semibold [&_h4]:text-base [&_h4]:font-semibold",
  "[&_h5]:text-sm [&_h5]:font-semibold [&_h6]:text-sm [&_h6]:font-medium [&_h6]:text-slate-600",
  "[&_a]:text-teal-700 [&_a]:underline [&_a]:underline-offset-2 [&_a:hover]:text-teal-900",
  "[&_ul]:list-disc [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-4 [&_blockquote]:text-slate-600",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[0.9em]",
  "[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-900 [&_pre]:p-4 [&_pre]:text-sm [&_pre]:leading-6",
  "[&_pre]:text-slate-100 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_pre_code]:text-inherit",
  "[&_hr]:border-slate-200",
  "[&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:border-collapse [&_table]:text-sm",
  "[&_th]:border [&_th]:border-slate-300 [&_th]:bg-slate-50 [&_th]:px-3 [&_th]:py-1.5 [&_th]:font-semibold",
  "[&_td]:border [&_td]:border-slate-300 [&_td]:px-3 [&_td]:py-1.5",
].join(" ");

type Props = {
  /**
   * Output of renderMarkdown() (app/markdown/render.server.ts), as a loader or the preview endpoint sent
   * it, and nothing else: that renderer escapes raw HTML and filters links and attributes, which is the
   * only reason inserting it as HTML is safe.
   */
  html: string;
  className?: string;
};

/** User-written Markdown, rendered and sanitized on the server. */
export function MarkdownView({ html, className }: Props) {
  return (
    <div
      className={className ? `${proseClass} ${className}` : proseClass}
      // Safe only because `html` comes from renderMarkdown(); see Props.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
