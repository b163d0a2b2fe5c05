import { defineMessages } from "../define";

export const errors = defineMessages({
  "zh-CN": {
    "400": "请求有误，请检查后重试。",
    "403": "您没有权限访问此页面。",
    "404": "找不到该页面。",
    "411": "请求缺少内容长度（Content-Length）。",
    "413": "提交的内容过大。",
    "429": "请求过于频繁，请稍后再试。",
    "500": "服务器出错了，我们已记录此问题，请稍后再试。",
    origin: "请求来源不被允许（跨站请求已被拒绝）。",
    "title.403": "无权访问",
    "title.404": "页面不存在",
    "title.500": "出错了",
    backHome: "返回首页",
  },
  en: {
    "400": "The request was not valid. Please check it and try again.",
    "403": "You do not have permission to see this page.",
    "404": "We could not find that page.",
    "411": "The request must state its length (Content-Length).",
    "413": "What you sent is too large.",
    "429": "Too many requests. Please wait a moment and try again.",
    "500": "Something went wrong on our side. It has been logged; please try again later.",
    origin: "Request origin not allowed (cross-site request refused).",
    "title.403": "Forbidden",
    "title.404": "Not found",
    "title.500": "Something went wrong",
    backHome: "Back to the home page",
  },
});
