import { defineMessages } from "../define";

/** Who in an alliance is online, and who is typing in a channel. */
export const presence = defineMessages({
  "zh-CN": {
    heading: "在线成员",
    count: "{count} 人在线",
    empty: "暂时没有成员在线。",
    loading: "正在获取在线成员…",
    unavailable: "暂时无法显示在线成员。",
    you: "（您）",
    online: "在线",
    "typing.one": "{name} 正在输入…",
    "typing.two": "{first} 和 {second} 正在输入…",
    "typing.many": "{count} 人正在输入…",
  },
  en: {
    heading: "Online now",
    count: "{count} online",
    empty: "No members are online right now.",
    loading: "Finding out who is online…",
    unavailable: "Who is online cannot be shown right now.",
    you: " (you)",
    online: "Online",
    "typing.one": "{name} is typing…",
    "typing.two": "{first} and {second} are typing…",
    "typing.many": "{count} people are typing…",
  },
});
