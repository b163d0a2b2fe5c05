/** Fictional members along the chains; names and websites are invented so no real firm's products are claimed. */
export type OrganizationSeed = {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: "enterprise" | "university" | "institute" | "association" | "agency";
  city: string;
  website: string;
  descriptionZh: string;
  descriptionEn: string;
  verified: boolean;
};

export const organizationSeeds: OrganizationSeed[] = [
  {
    slug: "haihe-xinsuan",
    nameZh: "天津海河芯算科技有限公司",
    nameEn: "Haihe Xinsuan Computing Technology Co., Ltd.",
    kind: "enterprise",
    city: "天津",
    website: "https://haihe-xinsuan.example.com",
    descriptionZh: "滨海高新区的处理器设计企业，为服务器和桌面整机提供多核CPU及配套参考设计。",
    descriptionEn:
      "A processor design firm in Binhai High-tech Zone supplying multi-core CPUs and reference boards for servers and desktops.",
    verified: true,
  },
  {
    slug: "jinwan-software",
    nameZh: "津湾基础软件有限公司",
    nameEn: "Jinwan Basic Software Co., Ltd.",
    kind: "enterprise",
    city: "天津",
    website: "https://jinwan-software.example.com",
    descriptionZh: "研发服务器操作系统和分布式数据库，长期与国产CPU及整机厂商开展兼容适配。",
    descriptionEn:
      "Develops a server operating system and a distributed database, and works with domestic CPU and machine makers on compatibility.",
    verified: true,
  },
  {
    slug: "bochuan-data",
    nameZh: "天津渤川数据科技有限公司",
    nameEn: "Bochuan Data Technology Co., Ltd.",
    kind: "enterprise",
    city: "天津",
    website: "https://bochuan-data.example.com",
    descriptionZh: "提供数据清洗、标注和分析挖掘服务，客户覆盖医疗、交通和城市治理。",
    descriptionEn:
      "Offers data cleaning, labelling and analytics for clients in health care, transport and city management.",
    verified: false,
  },
  {
    slug: "jinrong-shuzhi",
    nameZh: "津融数智科技有限公司",
    nameEn: "Jinrong Shuzhi Fintech Co., Ltd.",
    kind: "enterprise",
    city: "天津",
    website: "https://jinrong-shuzhi.example.com",
    descriptionZh: "面向银行和保险机构的智能风控与反欺诈平台提供商，关注数据安全合规共享。",
    descriptionEn:
      "Builds risk-control and anti-fraud platforms for banks and insurers, with a focus on secure and compliant data sharing.",
    verified: false,
  },
  {
    slug: "ruitong-security",
    nameZh: "天津睿瞳智能安防科技有限公司",
    nameEn: "Ruitong Intelligent Security Technology Co., Ltd.",
    kind: "enterprise",
    city: "天津",
    website: "https://ruitong-security.example.com",
    descriptionZh: "生产智能摄像机并提供视频结构化分析平台，服务社区、园区和港口安防项目。",
    descriptionEn:
      "Makes smart cameras and a video analytics platform for security projects in communities, industrial parks and ports.",
    verified: true,
  },
  {
    slug: "gangwan-communications",
    nameZh: "天津港湾通信设备有限公司",
    nameEn: "Gangwan Communications Equipment Co., Ltd.",
    kind: "enterprise",
    city: "天津",
    website: "https://gangwan-comms.example.com",
    descriptionZh: "位于天津港保税区，研制5G小基站、天线与光传输设备，参与智慧港口专网建设。",
    descriptionEn:
      "Based in the Tianjin Port Free Trade Zone; designs 5G small cells, antennas and optical transport gear, and builds private networks for smart ports.",
    verified: false,
  },
  {
    slug: "dongli-zhixing",
    nameZh: "天津东丽智行汽车科技有限公司",
    nameEn: "Dongli Zhixing Automotive Technology Co., Ltd.",
    kind: "enterprise",
    city: "天津",
    website: "https://dongli-zhixing.example.com",
    descriptionZh: "自动驾驶系统研发企业，在东丽区测试场开展低速无人配送和园区接驳车示范运行。",
    descriptionEn:
      "Develops autonomous driving systems and runs low-speed delivery and shuttle pilots on the Dongli District test field.",
    verified: false,
  },
  {
    slug: "jingrui-drive",
    nameZh: "天津精锐传动机械有限公司",
    nameEn: "Jingrui Precision Drive Co., Ltd.",
    kind: "enterprise",
    city: "天津",
    website: "https://jingrui-drive.example.com",
    descriptionZh: "专注RV减速器和谐波减速器的“小而精”配套企业，正在攻关精度保持性。",
    descriptionEn:
      "A small specialist supplier of RV and harmonic reducers, currently working on how long they hold their precision.",
    verified: false,
  },
  {
    slug: "jinkai-robotics",
    nameZh: "天津津开机器人系统集成有限公司",
    nameEn: "Jinkai Robotics Integration Co., Ltd.",
    kind: "enterprise",
    city: "天津",
    website: "https://jinkai-robotics.example.com",
    descriptionZh: "为汽车零部件和电子装配产线提供机器人系统集成，位于天津经济技术开发区。",
    descriptionEn:
      "Integrates robot cells for automotive-parts and electronics assembly lines in the Tianjin Economic-Technological Development Area.",
    verified: true,
  },
  {
    slug: "zhiduan-electronics",
    nameZh: "天津智端电子科技有限公司",
    nameEn: "Zhiduan Electronics Technology Co., Ltd.",
    kind: "enterprise",
    city: "天津",
    website: "https://zhiduan-electronics.example.com",
    descriptionZh: "设计物联网通信模组和可穿戴终端，提供配套的物联网云平台。",
    descriptionEn:
      "Designs IoT communication modules and wearable devices, with an IoT cloud platform to match.",
    verified: false,
  },
  {
    slug: "haihe-university-of-technology",
    nameZh: "海河工业大学人工智能学院",
    nameEn: "School of Artificial Intelligence, Haihe University of Technology",
    kind: "university",
    city: "天津",
    website: "https://ai.haihe-tech.example.org",
    descriptionZh: "开展类脑智能、跨媒体感知和机器人控制研究，与多家企业共建联合实验室。",
    descriptionEn:
      "Researches brain-inspired intelligence, cross-media perception and robot control, with joint labs run together with local firms.",
    verified: true,
  },
  {
    slug: "intelligent-tech-institute",
    nameZh: "天津智能科技产业技术研究院",
    nameEn: "Tianjin Institute of Intelligent Technology Industry",
    kind: "institute",
    city: "天津",
    website: "https://itii.example.org",
    descriptionZh: "以“七链”为核心的产业技术研究院，提供中试验证、检测认证和成果转化服务。",
    descriptionEn:
      "An industrial technology institute built around the seven chains, offering pilot testing, certification and technology transfer.",
    verified: true,
  },
  {
    slug: "intelligent-tech-enterprises-association",
    nameZh: "天津市智能科技企业协会",
    nameEn: "Tianjin Intelligent Technology Enterprises Association",
    kind: "association",
    city: "天津",
    website: "https://itea-tj.example.org",
    descriptionZh: "服务全市智能科技中小企业，组织供需对接会和政策宣讲。",
    descriptionEn:
      "Serves the city's small and medium intelligent-technology firms with supply-and-demand matchmaking and policy briefings.",
    verified: false,
  },
  {
    slug: "tech-transfer-center",
    nameZh: "天津市智能科技成果转化服务中心",
    nameEn: "Tianjin Intelligent Technology Transfer Service Center",
    kind: "agency",
    city: "天津",
    website: "https://tech-transfer.example.org",
    descriptionZh: "公益性服务机构，负责智能科技成果登记、评估和对接，运营七链协作平台。",
    descriptionEn:
      "A public service agency that registers, evaluates and matches intelligent-technology results, and runs the Qilian platform.",
    verified: true,
  },
];
