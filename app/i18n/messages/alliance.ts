import { defineMessages } from "../define";

export const alliance = defineMessages({
  "zh-CN": {
    "directory.title": "联盟",
    "directory.lead":
      "产业联盟、协会和学会沿七条产业链组织企业、高校与科研院所。选择一个联盟查看其成员、负责人与所涉产业链。",
    "directory.members": "{count} 名成员",
    archived: "此联盟已归档，仅平台管理员可见。",
    "stats.members": "成员",
    "stats.organizations": "成员单位",
    chains: "所涉产业链",
    leaders: "负责人",
    "role.chair": "理事长",
    "role.organizer": "组织者",
    "leaders.none": "尚未指定负责人。",
    "join.open": "任何成员均可直接加入。",
    "join.request": "提交申请，由组织者审核后加入。",
    "join.invite": "仅限受邀加入。",
    notFound: "找不到该联盟。",
    forbidden: "您在本联盟中没有进行此操作的权限。",
  },
  en: {
    "directory.title": "Alliances",
    "directory.lead":
      "Industry alliances, associations and societies organize firms, universities and institutes along the seven chains. Choose one to see its members, leaders and chains.",
    "directory.members": "{count} members",
    archived: "This alliance is archived; only platform admins see it.",
    "stats.members": "Members",
    "stats.organizations": "Organizations",
    chains: "Chains covered",
    leaders: "Leaders",
    "role.chair": "Chair",
    "role.organizer": "Organizer",
    "leaders.none": "No leaders have been appointed yet.",
    "join.open": "Anyone signed in can join at once.",
    "join.request": "Ask to join; an organizer reviews the request.",
    "join.invite": "Membership is by invitation only.",
    notFound: "We could not find that alliance.",
    forbidden: "Your role in this alliance does not allow this.",
  },
});
