import { defineMessages } from "../define";

export const admin = defineMessages({
  "zh-CN": {
    title: "平台管理",
    forbidden: "只有平台管理员可以进入此页面。",
    "tab.label": "管理栏目",
    "tab.insights": "数据看板",
    "tab.reports": "举报审核",
    "tab.users": "用户",
    "tab.organizations": "机构认证",
    "tab.alliances": "联盟与主席",
    "tab.audit": "操作日志",
  },
  en: {
    title: "Platform administration",
    forbidden: "Only platform admins may open this page.",
    "tab.label": "Administration sections",
    "tab.insights": "Insights",
    "tab.reports": "Reports",
    "tab.users": "Users",
    "tab.organizations": "Verification",
    "tab.alliances": "Alliances and chairs",
    "tab.audit": "Audit log",
  },
});
