import { defineMessages } from "../define";

export const chain = defineMessages({
  "zh-CN": {
    "index.title": "产业链",
    "index.lead":
      "七条产业链从上游到下游的环节。每个环节上有供应它和需要它的企业、院所，以及相关的难题与成果。",
    "map.title": "{name}：从上游到下游的环节图",
    "nodes.title": "环节",
    "nodes.upstream": "上游：{names}",
    "nodes.downstream": "下游：{names}",
    "nodes.source": "链条起点",
    "nodes.sink": "链条终点",
    open: "查看产业链",
    notFound: "找不到该产业链。",
  },
  en: {
    "index.title": "Industry chains",
    "index.lead":
      "The links of the seven chains from upstream to downstream. Each link has the firms and institutes that supply or need it, and the problems and results around it.",
    "map.title": "{name}: its links from upstream to downstream",
    "nodes.title": "Links",
    "nodes.upstream": "Upstream: {names}",
    "nodes.downstream": "Downstream: {names}",
    "nodes.source": "Start of the chain",
    "nodes.sink": "End of the chain",
    open: "Open the chain",
    notFound: "We could not find that chain.",
  },
});
