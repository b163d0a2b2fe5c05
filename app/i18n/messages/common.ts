import { defineMessages } from "../define";

export const common = defineMessages({
  "zh-CN": {
    appName: "七链",
    tagline: "人工智能七大产业链联盟协作与活动平台",
    "language.switch": "切换语言",
    "language.zh-CN": "中文",
    "language.en": "English",
  },
  en: {
    appName: "Qilian",
    tagline: "Collaboration and events for the alliances of the seven AI industry chains",
    "language.switch": "Change language",
    "language.zh-CN": "中文",
    "language.en": "English",
  },
});
