/**
 * Members asking providers about the demo listings, in every status, and the matches the platform
 * announced between listings and the demo board's problems. The thread follows the app's rule: `open`
 * is the provider's turn (the asker spoke last), `answered` the asker's; a decided inquiry may carry a
 * last word. Askers can see what they ask about and never represent its organization.
 */
export type InquirySeed = {
  key: string;
  listing: string;
  asker: string;
  /** Asking for their organization (their first one) rather than in their own name. */
  forOrg: boolean;
  /** A corpus id of the asker's own demo problem. */
  problem?: string;
  status: "open" | "answered" | "accepted" | "declined" | "withdrawn";
  message: string;
  intendedUse: string;
  /** After the first message; `asker` true for the asker's turns, the listing's contact otherwise. */
  thread: { asker: boolean; body: string }[];
  daysAgo: number;
};

export const inquirySeeds: InquirySeed[] = [
  {
    key: "flexspline-jinkai",
    listing: "flexspline-shot-peening",
    asker: "zhao.min",
    forOrg: true,
    problem: "harmonic-reducer-life",
    status: "answered",
    message:
      "黄老师您好，我们在谐波减速器柔轮上遇到齿根疲劳开裂（见关联难题）。想了解喷丸 + 深冷工艺能否在 17 型柔轮上先做一批验证，周期和费用大概如何？",
    intendedUse: "在津开机器人协作机器人关节上做寿命对比试验，效果好则与减速器供应商一起导入量产。",
    thread: [
      {
        asker: false,
        body: "赵总好，17 型柔轮可以做。建议先提供 10 件毛坯，我们三周内完成喷丸和深冷处理，再用研究院的台架做 10⁷ 次对比试验。费用可按联合攻关方式分担。",
      },
    ],
    daysAgo: 6,
  },
  {
    key: "rv40e-jinkai",
    listing: "rv-40e-reducer",
    asker: "zhao.min",
    forOrg: true,
    status: "accepted",
    message: "您好，我们新产线的 35 kg 搬运机器人想评估 RV-40E，能否先提供两台样品和精度保持性测试数据？",
    intendedUse: "Base and shoulder joints of a 35 kg handling robot, about 120 units a year.",
    thread: [
      {
        asker: false,
        body: "Thank you. Two samples (ratio 121) can ship in three weeks; I attached our 6,000-hour backlash data to the listing.",
      },
      { asker: true, body: "好的，请按 121 速比寄两台，收件地址稍后发邮件。" },
      { asker: false, body: "Great — we will ship on the 15th and send the tracking number here." },
    ],
    daysAgo: 20,
  },
  {
    key: "defect-dataset-huang",
    listing: "surface-defect-dataset",
    asker: "huang.zhiyuan",
    forOrg: true,
    problem: "vision-defect-detection",
    status: "open",
    message: "请问数据集中 PCB 类别有多少张？能否先提供 2000 张的试用子集，用于评估我们的异常检测算法？",
    intendedUse: "科研用途：在学院的缺陷检测课题中评估误报率，不用于商业产品。",
    thread: [],
    daysAgo: 2,
  },
  {
    key: "factory-5g-association",
    listing: "factory-5g-tuning",
    asker: "zhou.ting",
    forOrg: true,
    problem: "5g-private-network",
    status: "accepted",
    message: "Emily 您好，协会的两家会员工厂 5G 专网时延抖动超标（见关联难题），想请贵司先做一次现场勘查。",
    intendedUse: "为会员企业的 AGV 调度和远程控制场景优化 5G 专网，勘查后由企业各自签约。",
    thread: [
      {
        asker: false,
        body: "Happy to help. We can survey both plants next week; please share the floor plans and the current TDD configuration.",
      },
      { asker: true, body: "资料已经整理好，周二上午可以去第一家，届时我陪同。" },
    ],
    daysAgo: 15,
  },
  {
    key: "gpu-time-ruitong",
    listing: "gpu-cluster-time",
    asker: "chen.jing",
    forOrg: true,
    problem: "ai-compute-scheduling",
    status: "declined",
    message: "我们需要下个月连续两周整机使用集群训练视频大模型，能否预约？",
    intendedUse: "训练港口场景视频理解模型，约 2 万卡时。",
    thread: [
      {
        asker: false,
        body: "抱歉，下个月整机已被国家重点研发计划项目预约，只能提供夜间 8 卡。建议下季度再联系，或者考虑缩小规模。",
      },
    ],
    daysAgo: 12,
  },
  {
    key: "test-field-bochuan",
    listing: "test-field-slots",
    asker: "zhang.wei",
    forOrg: true,
    status: "withdrawn",
    message: "想预约两个半天的封闭测试时段，采集路侧感知数据，用于数据清洗流程验证。",
    intendedUse: "采集路侧摄像头与雷达数据，验证我们的数据清洗和标注流程。",
    thread: [
      { asker: false, body: "可以，下周三、周四上午有空档，需要提前提交测试方案和安全员名单。" },
      { asker: true, body: "客户的项目推迟到明年，先撤回预约，谢谢！" },
    ],
    daysAgo: 30,
  },
  {
    key: "alt-data-jinwan",
    listing: "sme-alternative-data",
    asker: "li.na",
    forOrg: false,
    problem: "credit-risk-model",
    status: "accepted",
    message: "Fan，信贷风控模型缺少替代数据（见关联难题），想申请样本集用于特征研究。",
    intendedUse: "与合作银行验证用电、纳税数据对中小企业违约预测的贡献。",
    thread: [
      {
        asker: false,
        body: "Sure — I will send the licence agreement today; the data room opens once it is signed.",
      },
    ],
    daysAgo: 60,
  },
  {
    key: "redcap-haihe",
    listing: "redcap-module-samples",
    asker: "wang.lei",
    forOrg: true,
    problem: "5g-redcap-module",
    status: "answered",
    message: "孙工，RedCap 模组批量 1 万片的价格区间大概是多少？我们在评估工业网关方案的 BOM。",
    intendedUse: "评估工业网关主控板配套的 5G 模组，年需求约 1 万片。",
    thread: [
      {
        asker: false,
        body: "王总，1 万片年用量可以做到 150 元以内，具体取决于封装和认证要求。可以先寄两块开发板给您测试。",
      },
    ],
    daysAgo: 4,
  },
  {
    key: "privacy-gateway-jinwan",
    listing: "privacy-computing-gateway",
    asker: "li.na",
    forOrg: true,
    problem: "privacy-computing",
    status: "answered",
    message: "我们的数据库需要和两家银行的隐私计算平台对接，网关是否支持联邦学习以外的隐匿查询场景？",
    intendedUse:
      "Pilot with two member banks: private set intersection and joint statistics across platforms.",
    thread: [
      {
        asker: false,
        body: "Private set intersection works today; joint statistics is on our roadmap for next quarter. Would you join the pilot?",
      },
    ],
    daysAgo: 3,
  },
  {
    key: "chamber-zhiduan",
    listing: "anechoic-chamber",
    asker: "sun.hao",
    forOrg: true,
    status: "open",
    message:
      "Hi Emily, we need OTA measurements for our RedCap module antennas. Is the chamber free in the second week of next month?",
    intendedUse: "OTA throughput and antenna efficiency tests for the ZD-R10 module before certification.",
    thread: [],
    daysAgo: 1,
  },
  {
    key: "radar-data-ruitong",
    listing: "radar-pointcloud-dataset",
    asker: "chen.jing",
    forOrg: false,
    problem: "mmwave-radar-pointcloud",
    status: "open",
    message: "刘总，数据集里的静止目标有多少帧？标注是否包含护栏和路侧设施？",
    intendedUse: "训练港区集卡的雷达—视觉融合静止障碍物识别模型。",
    thread: [
      { asker: false, body: "静止目标约 4200 帧，护栏、锥桶、路侧柜都有标注。" },
      { asker: true, body: "太好了，能否提供标注规范文档？我们想对齐类别定义。" },
    ],
    daysAgo: 5,
  },
];

/** Matches announced to the listing's contact and the problem's poster when they were found. */
export type MatchSeed = {
  problem: string;
  listing: string;
  score: number;
  node?: string;
  upstream?: string;
  shared: string[];
  daysAgo: number;
};

export const matchSeeds: MatchSeed[] = [
  {
    problem: "harmonic-reducer-life",
    listing: "flexspline-shot-peening",
    score: 0.92,
    node: "reducers",
    shared: ["谐波", "柔轮", "疲劳"],
    daysAgo: 39,
  },
  {
    problem: "5g-private-network",
    listing: "factory-5g-tuning",
    score: 0.81,
    node: "industry-applications",
    shared: ["5G", "专网", "时延"],
    daysAgo: 16,
  },
  {
    problem: "data-labeling-quality",
    listing: "labeling-quality-audit",
    score: 0.88,
    node: "cleaning",
    shared: ["标注", "质量", "评估"],
    daysAgo: 13,
  },
  {
    problem: "v2x-rsu",
    listing: "rsu-remote-operations",
    score: 0.74,
    node: "v2x",
    shared: ["RSU", "V2X"],
    daysAgo: 9,
  },
  {
    problem: "servo-encoder",
    listing: "magnetic-absolute-encoder",
    score: 0.86,
    node: "servos",
    shared: ["编码器", "伺服", "绝对值"],
    daysAgo: 20,
  },
  {
    problem: "rv-reducer-backlash",
    listing: "reducer-test-bench",
    score: 0.63,
    node: "reducers",
    shared: ["回差", "减速器"],
    daysAgo: 32,
  },
];
