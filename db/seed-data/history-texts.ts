/**
 * What people wrote around the history's problems and resources, in both languages: replies, offers to
 * solve (揭榜), the poster's notes when deciding, and the threads of inquiries. history-board.ts and
 * history-catalogue.ts pick from these in the problem's or the resource's language.
 */
export type Language = "zh" | "en";

export const languageOf = (text: string): Language => (/\p{Script=Han}/u.test(text) ? "zh" : "en");

export const replies: Record<Language, string[]> = {
  zh: [
    "我们在类似场景做过验证，可以提供测试数据，欢迎进一步交流。",
    "同样遇到过这个问题，目前的临时办法是降额使用，效果有限，期待更好的方案。",
    "建议先把失效样件做一次系统的失效分析，再决定从工艺还是设计入手。",
    "我们实验室有相关测试设备，可以先免费做一轮摸底测试。",
    "这个需求和我们正在做的课题方向一致，可以考虑联合申报项目。",
    "请问现场的工况数据能否共享一部分？有了数据才好评估方案的可行性。",
    "去年我们给另一家企业做过类似改造，周期大约三个月，可以分享经验。",
    "关注，我们也有同样的需求，如果有方案希望能一起验证。",
    "可以参考行业标准里的测试方法，先统一评价指标，再比较各家方案。",
    "建议在联盟研讨会上专门讨论一次，相关厂商都可以来。",
  ],
  en: [
    "We validated something similar last year and can share our test data.",
    "Same issue here. Derating is our workaround for now, but it costs performance.",
    "A failure analysis of the returned parts would tell whether to start from the process or the design.",
    "Our lab has the test rig for this; we could run a first round of measurements free of charge.",
    "This fits a research project we are preparing. Would you consider a joint application?",
    "Could you share some field data? It would help us judge whether our approach fits.",
    "Following this one: we have the same need and would join a pilot.",
    "It may help to agree on the evaluation metric first, then compare the candidate solutions.",
  ],
};

export const approaches: Record<Language, string[]> = {
  zh: [
    "先做现场诊断和数据采集，定位主要原因，再分两轮迭代优化，每轮给出对比测试报告。",
    "基于我们已有的成熟方案做定制化改进，先在一条产线试点，验证后推广。",
    "联合高校课题组做机理分析，同时由工程团队完成样机和现场验证。",
    "提供软硬件一体化方案，包含算法优化、参数整定和操作人员培训。",
    "采用仿真与试验结合的方法，先在实验室复现问题，再出改进方案并现场验证。",
  ],
  en: [
    "On-site diagnosis and data collection first, then two rounds of improvements, each with a before/after test report.",
    "We adapt a solution already in production elsewhere, pilot it on one line and roll it out once it holds.",
    "A joint effort: our research group analyses the root cause while our engineers build and test the prototype.",
    "Simulation first to reproduce the issue in the lab, then a fix validated in the field.",
  ],
};

export const timelines: Record<Language, string[]> = {
  zh: ["两个月完成方案验证。", "三个月试点，六个月推广。", "四周出诊断报告，三个月完成改进。", "一个季度。"],
  en: [
    "Validation within two months.",
    "A three-month pilot.",
    "Diagnosis in four weeks, the fix within a quarter.",
  ],
};

export const teams: Record<Language, string[]> = {
  zh: [
    "工程师 3 名、测试工程师 1 名。",
    "课题组教授 1 名、研究生 4 名。",
    "项目经理 1 名、算法工程师 2 名。",
  ],
  en: [
    "Three engineers and one test engineer.",
    "One PI and three researchers.",
    "A project lead and two developers.",
  ],
};

export const declineNotes: Record<Language, string[]> = {
  zh: ["方案不错，但周期超出我们的计划，感谢支持。", "已选择另一家更贴近现场的团队，期待以后合作。"],
  en: [
    "A good proposal, but the timeline does not fit ours. Thank you.",
    "We chose a team closer to the site; hope to work together later.",
  ],
};

export const solvedNotes: Record<Language, string[]> = {
  zh: [
    "现场验证达到目标指标，验收通过，感谢揭榜团队。",
    "改进方案已在两条产线推广，问题解决。",
    "测试报告显示各项指标达标，难题关闭为已解决。",
    "联合攻关完成，相关成果已在联盟内共享。",
  ],
  en: [
    "Field tests met the target; accepted with thanks to the team.",
    "The fix is rolled out on both lines; solved.",
    "All figures in the test report are within target. Marking as solved.",
  ],
};

export const closedNotes: Record<Language, string[]> = {
  zh: ["项目需求调整，暂不推进。", "已通过内部方案解决，关闭。", "与另一条难题合并跟踪。"],
  en: [
    "Project priorities changed; closing for now.",
    "Solved in-house in the end; closing.",
    "Merged into a related problem.",
  ],
};

export const inquiryMessages: Record<Language, string[]> = {
  zh: [
    "您好，想了解这项资源的合作方式、周期和大致费用。",
    "我们有一个试点项目可能用得上，能否先提供详细资料？",
    "请问能否安排一次技术交流，评估与我们现有系统的适配情况？",
  ],
  en: [
    "Hello, could you tell us more about terms, lead time and cost?",
    "We have a pilot that could use this. Could you send the detailed documentation?",
    "Could we schedule a technical call to check the fit with our current setup?",
  ],
};

export const intendedUses: Record<Language, string[]> = {
  zh: ["用于产线试点验证。", "用于联合研发项目的前期评估。", "用于客户项目的方案比选。"],
  en: [
    "A pilot on one production line.",
    "Early evaluation for a joint R&D project.",
    "Comparing options for a customer project.",
  ],
};

export const providerAnswers: Record<Language, string[]> = {
  zh: [
    "感谢关注！资料已通过邮件发送，合作方式可以按项目灵活商定。",
    "可以安排，下周二或周四下午都有时间，请确认。",
    "可以先签保密协议，再提供详细参数和报价。",
  ],
  en: [
    "Thanks for asking! I have emailed the documentation; terms are flexible per project.",
    "Happy to: Tuesday or Thursday afternoon next week works for us.",
    "Let us sign an NDA first, then we will send the full specs and a quote.",
  ],
};

export const askerFollowUps: Record<Language, string[]> = {
  zh: ["好的，已确认，感谢！", "资料收到，我们内部评估后尽快回复。"],
  en: ["Confirmed, thank you!", "Received, we will get back to you after an internal review."],
};
