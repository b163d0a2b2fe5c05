import { defineMessages } from "../define";

/** Matching problems and shared resources: the panels on both pages and while a problem is written. */
export const matching = defineMessages({
  "zh-CN": {
    "problem.title": "可能有帮助的成果与服务",
    "problem.lead": "按与本难题共有的词语和产业链位置（同一节点优先，其次是直接上游节点）排序。",
    "problem.empty": "暂未找到匹配的共享资源。",
    "problem.browse": "浏览全部资源",
    "resource.title": "这项资源可能解决的难题",
    "resource.lead":
      "按共有的词语和产业链位置（同一节点优先，其次是直接下游节点）排序，仅列出待揭榜和攻关中的难题。",
    "resource.empty": "暂未找到匹配的难题。",
    "draft.title": "已有资源可能有帮助",
    "draft.hint": "根据您正在填写的标题、正文和所选节点推荐，发布前可先看看。",
    "reason.node": "同节点：{node}",
    "reason.upstream": "上游节点：{node}",
    "reason.downstream": "下游节点：{node}",
    "reason.shared": "共同词：{words}",
    "reason.separator": "；",
    "reason.wordSeparator": "、",
    "reason.label": "匹配理由",
    expired: "可能已过时",
  },
  en: {
    "problem.title": "Results and services that may help",
    "problem.lead":
      "Ranked by the words they share with this problem and their place in the chain (the same node first, then the nodes directly upstream).",
    "problem.empty": "No shared resources match yet.",
    "problem.browse": "Browse all resources",
    "resource.title": "Problems this may solve",
    "resource.lead":
      "Ranked by shared words and place in the chain (the same node first, then the nodes directly downstream); open and in-progress problems only.",
    "resource.empty": "No matching problems yet.",
    "draft.title": "Shared resources that may help",
    "draft.hint": "Suggested from the title, text and nodes you are writing: worth a look before you post.",
    "reason.node": "same node: {node}",
    "reason.upstream": "upstream: {node}",
    "reason.downstream": "downstream: {node}",
    "reason.shared": "shares: {words}",
    "reason.separator": "; ",
    "reason.wordSeparator": ", ",
    "reason.label": "Why it matches",
    expired: "may be out of date",
  },
});
