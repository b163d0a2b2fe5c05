import { defineMessages } from "../define";

export const markdown = defineMessages({
  "zh-CN": {
    "editor.write": "编辑",
    "editor.preview": "预览",
    "editor.tabs": "编辑或预览",
    "editor.hint": "支持 Markdown：**加粗**、*斜体*、[链接](https://…)、列表、表格和代码块。",
    "preview.loading": "正在生成预览…",
    "preview.empty": "没有可预览的内容。",
    "preview.invalid": "没有收到要预览的文本。",
    "preview.tooLong": "预览最多 {max} 个字符。",
  },
  en: {
    "editor.write": "Write",
    "editor.preview": "Preview",
    "editor.tabs": "Write or preview",
    "editor.hint": "Markdown works: **bold**, *italic*, [links](https://…), lists, tables and code blocks.",
    "preview.loading": "Rendering the preview…",
    "preview.empty": "Nothing to preview.",
    "preview.invalid": "No text to preview was received.",
    "preview.tooLong": "The preview takes at most {max} characters.",
  },
});
