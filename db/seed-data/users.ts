import { organizationSeeds } from "./organizations";

/** Every demo account shares this password; the README lists it with `demoLogins`. */
export const DEMO_PASSWORD = "qilian-demo-2026";

export type UserSeed = {
  email: string;
  displayName: string;
  locale: "zh-CN" | "en";
  platformRole?: "admin";
  /** Organization slugs from organizations.ts; the first is the one the user is introduced with. */
  organizations: { slug: string; role: "admin" | "representative" }[];
};

const at = (name: string) => `${name}@demo.qilian.example`;

export const userSeeds: UserSeed[] = [
  {
    email: at("admin"),
    displayName: "七链平台管理员",
    locale: "zh-CN",
    platformRole: "admin",
    organizations: [{ slug: "tech-transfer-center", role: "admin" }],
  },
  {
    email: at("wang.lei"),
    displayName: "王磊",
    locale: "zh-CN",
    organizations: [{ slug: "haihe-xinsuan", role: "admin" }],
  },
  {
    email: at("li.na"),
    displayName: "李娜",
    locale: "zh-CN",
    organizations: [{ slug: "jinwan-software", role: "admin" }],
  },
  {
    email: at("zhang.wei"),
    displayName: "张伟",
    locale: "zh-CN",
    organizations: [{ slug: "bochuan-data", role: "representative" }],
  },
  {
    email: at("fan.xu"),
    displayName: "Fan Xu",
    locale: "en",
    organizations: [{ slug: "jinrong-shuzhi", role: "admin" }],
  },
  {
    email: at("chen.jing"),
    displayName: "陈静",
    locale: "zh-CN",
    organizations: [{ slug: "ruitong-security", role: "admin" }],
  },
  {
    email: at("emily.zhou"),
    displayName: "Emily Zhou",
    locale: "en",
    organizations: [{ slug: "gangwan-communications", role: "admin" }],
  },
  {
    email: at("liu.yang"),
    displayName: "刘洋",
    locale: "zh-CN",
    organizations: [{ slug: "dongli-zhixing", role: "admin" }],
  },
  {
    email: at("daniel.hoffmann"),
    displayName: "Daniel Hoffmann",
    locale: "en",
    organizations: [{ slug: "jingrui-drive", role: "representative" }],
  },
  {
    email: at("zhao.min"),
    displayName: "赵敏",
    locale: "zh-CN",
    organizations: [{ slug: "jinkai-robotics", role: "admin" }],
  },
  {
    email: at("sun.hao"),
    displayName: "孙浩",
    locale: "zh-CN",
    organizations: [{ slug: "zhiduan-electronics", role: "representative" }],
  },
  {
    email: at("huang.zhiyuan"),
    displayName: "黄志远",
    locale: "zh-CN",
    organizations: [
      { slug: "haihe-university-of-technology", role: "admin" },
      { slug: "intelligent-tech-institute", role: "representative" },
    ],
  },
  {
    email: at("maria.santos"),
    displayName: "Maria Santos",
    locale: "en",
    organizations: [{ slug: "intelligent-tech-institute", role: "admin" }],
  },
  {
    email: at("zhou.ting"),
    displayName: "周婷",
    locale: "zh-CN",
    organizations: [{ slug: "intelligent-tech-enterprises-association", role: "admin" }],
  },
];

export type DemoLogin = {
  email: string;
  displayName: string;
  role: "platform admin" | "organization admin" | "representative";
  organizationZh: string;
  organizationEn: string;
};

/** The table the README shows: one row per demo account, with the organization it is introduced with. */
export const demoLogins: DemoLogin[] = userSeeds.map((user) => {
  const first = user.organizations[0];
  const org = organizationSeeds.find((o) => o.slug === first.slug)!;
  return {
    email: user.email,
    displayName: user.displayName,
    role:
      user.platformRole === "admin"
        ? "platform admin"
        : first.role === "admin"
          ? "organization admin"
          : "representative",
    organizationZh: org.nameZh,
    organizationEn: org.nameEn,
  };
});
