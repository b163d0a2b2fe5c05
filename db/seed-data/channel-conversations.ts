/**
 * The demo channels' conversations (channels.ts writes them): each alliance's #general and its topic
 * channels, about the seed's own problems and events, mostly in Chinese; Daniel Hoffmann, Maria Santos,
 * Emily Zhou and Fan Xu write in English. People are named as in users.ts (before @demo.qilian.example);
 * an `@名字` is a mention when it names someone who can read the channel.
 */
export type MessageSeed = {
  /** Unique within its channel; replies name it. */
  key: string;
  by: string;
  hoursAgo: number;
  body: string;
  replyTo?: string;
  /** Edited by its author this many minutes after it was sent (`body` is the edited text). */
  editedAfterMinutes?: number;
  /** Deleted by its author this many minutes after it was sent: it stays as "message removed", its text gone. */
  deletedAfterMinutes?: number;
  /** Reported by a member and hidden by an organizer, with the reason shown in its place. */
  hidden?: { reporter: string; report: string; moderator: string; reason: string; afterMinutes: number };
};

export type ChannelSeed = {
  alliance: string;
  /** `general` is the channel every alliance gets from the database; the others are made here. */
  slug: string;
  name?: string;
  description?: string;
  kind?: "open" | "private";
  createdBy?: string;
  daysAgo?: number;
  /** Private channels: who the creator invited. */
  invited?: string[];
  messages: MessageSeed[];
  /** Demo users who have not read the channel's last n messages; everyone else is up to date. */
  unread?: Record<string, number>;
};

export const channelSeeds: ChannelSeed[] = [
  {
    alliance: "artificial-intelligence",
    slug: "general",
    unread: { "zhao.min": 3 },
    messages: [
      {
        key: "welcome",
        by: "huang.zhiyuan",
        hoursAgo: 320,
        body: "各位好，联盟频道今天开通了。活动通知、难题进展和日常交流都可以发在这里，专题讨论请到对应的主题频道。",
      },
      {
        key: "association",
        by: "zhou.ting",
        hoursAgo: 318,
        replyTo: "welcome",
        body: "收到！协会这边的会员单位也会陆续加入。",
      },
      {
        key: "summaries",
        by: "maria.santos",
        hoursAgo: 300,
        body: "Hi all — I'll post English summaries of our workshops here. Feel free to reply in Chinese, I read it fine (slowly).",
      },
      {
        key: "workshop-seats",
        by: "wang.lei",
        hoursAgo: 262,
        body: "**大模型私有化部署工作坊**报名还剩最后几个名额，需要的单位抓紧。地点在海河信算会议室。",
      },
      {
        key: "promo",
        by: "liu.yang",
        hoursAgo: 250,
        body: "【推广】车载算力盒子限时特价，组团采购另有优惠，联系我领取报价单。",
        hidden: {
          reporter: "zhou.ting",
          report: "商业推广，和联盟的讨论无关。",
          moderator: "maria.santos",
          reason: "商业推广信息，请发到供需对接栏目。",
          afterMinutes: 95,
        },
      },
      {
        key: "slides",
        by: "zhang.wei",
        hoursAgo: 236,
        body: "工作坊的资料什么时候能发出来？我们数据团队想复盘一下量化部署那部分。",
      },
      {
        key: "slides-answer",
        by: "maria.santos",
        hoursAgo: 234,
        replyTo: "slides",
        body: "The slides are on the event page under *Minutes*. The quantization part starts at slide 23.",
      },
      {
        key: "scheduling",
        by: "chen.jing",
        hoursAgo: 200,
        body: "智算中心算力调度的难题我们更新了背景材料，欢迎 @黄志远 老师团队看看有没有合作的可能。",
      },
      {
        key: "scheduling-answer",
        by: "huang.zhiyuan",
        hoursAgo: 198,
        replyTo: "scheduling",
        body: "好的，我让学生整理一下之前做的调度仿真，下周发给你。",
      },
      {
        key: "vision",
        by: "zhao.min",
        hoursAgo: 150,
        body: "机器人联盟这边也在做视觉缺陷检测，想和这里做视觉的单位交流一下，有兴趣的可以联系我。",
      },
      {
        key: "exchange-open",
        by: "li.na",
        hoursAgo: 100,
        body: "提醒一下：学术交流会 *Foundation models for industrial inspection* 已经开放报名。",
      },
      {
        key: "berlin",
        by: "maria.santos",
        hoursAgo: 30,
        body: "Reminder: the Sino-German monthly exchange on industrial AI is tomorrow. Agenda and dial-in are on the event page.",
      },
      {
        key: "operators",
        by: "wang.lei",
        hoursAgo: 20,
        body: "大模型推理芯片软件生态那个难题，我们整理了一份算子兼容清单，放在难题的回复里了。",
      },
      {
        key: "cameras",
        by: "zhou.ting",
        hoursAgo: 6,
        replyTo: "vision",
        body: "@赵敏 视觉检测那块，我们协会有两家会员单位做工业相机，可以帮你对接。",
      },
      {
        key: "agenda",
        by: "huang.zhiyuan",
        hoursAgo: 3,
        body: "学术交流会的议程已经定了，欢迎大家提前在难题栏目留下想讨论的问题。",
      },
    ],
  },
  {
    alliance: "artificial-intelligence",
    slug: "model-deployment",
    name: "大模型部署",
    description: "私有化部署、推理优化和算力调度的经验交流",
    kind: "open",
    createdBy: "maria.santos",
    daysAgo: 13,
    messages: [
      {
        key: "kv-cache",
        by: "wang.lei",
        hoursAgo: 300,
        body: "开个头：我们在国产推理卡上跑 70B 模型，INT8 量化后吞吐提升明显，但长上下文下显存还是不够。大家是怎么做 KV cache 管理的？",
      },
      {
        key: "paged",
        by: "chen.jing",
        hoursAgo: 296,
        replyTo: "kv-cache",
        body: "我们用分页式 KV cache，再加上前缀缓存，多轮对话场景显存能省三成左右。",
      },
      {
        key: "traceability",
        by: "zhang.wei",
        hoursAgo: 290,
        body: "补充一点：金融场景对输出可追溯要求高，我们把每次推理的模型版本和参数都记录下来了。",
      },
      {
        key: "benchmark",
        by: "maria.santos",
        hoursAgo: 170,
        body: "Our institute benchmarked three serving stacks on the same cards last month. Short version: the batching policy matters more than the framework. I can share the numbers at the exchange.",
      },
      {
        key: "tenants",
        by: "li.na",
        hoursAgo: 168,
        replyTo: "benchmark",
        body: "Looking forward to it! 能不能顺便讲讲多租户隔离？",
      },
      {
        key: "tenants-answer",
        by: "maria.santos",
        hoursAgo: 167,
        replyTo: "tenants",
        body: "Sure, I'll add a slide on multi-tenant isolation.",
      },
      {
        key: "quota",
        by: "chen.jing",
        hoursAgo: 48,
        body: "智算中心下个月开放一批测试配额，需要做部署验证的单位可以报给我。",
      },
    ],
  },
  {
    alliance: "artificial-intelligence",
    slug: "exchange-planning",
    name: "交流会筹备组",
    description: "Planning the academic exchange on foundation models for industrial inspection",
    kind: "private",
    createdBy: "maria.santos",
    daysAgo: 6,
    invited: ["huang.zhiyuan", "li.na", "zhou.ting"],
    messages: [
      {
        key: "open",
        by: "maria.santos",
        hoursAgo: 120,
        body: "Opening this channel to plan the academic exchange. The draft agenda is on the event page — comments welcome.",
      },
      {
        key: "morning",
        by: "huang.zhiyuan",
        hoursAgo: 118,
        body: "议程我看过了，建议把缺陷检测的案例放在上午，下午留给圆桌讨论。",
      },
      {
        key: "factories",
        by: "maria.santos",
        hoursAgo: 117,
        replyTo: "morning",
        body: "Good idea, moved it. @周婷 could the association invite two or three factories to present cases?",
      },
      {
        key: "factories-answer",
        by: "zhou.ting",
        hoursAgo: 110,
        replyTo: "factories",
        body: "没问题，我联系一下智端电子和金凯机器人。",
      },
      {
        key: "venue",
        by: "li.na",
        hoursAgo: 90,
        body: "场地确认了：软件园报告厅，可容纳 120 人。",
      },
      {
        key: "capacity",
        by: "maria.santos",
        hoursAgo: 89,
        replyTo: "venue",
        editedAfterMinutes: 12,
        body: "Perfect — I'll set the capacity on the event page to 120.",
      },
    ],
  },
  {
    alliance: "information-security",
    slug: "general",
    unread: { "chen.jing": 2 },
    messages: [
      {
        key: "welcome",
        by: "chen.jing",
        hoursAgo: 330,
        body: "欢迎来到信息安全产业联盟频道。工控系统安全实战工作坊的筹备情况会在这里同步。",
      },
      {
        key: "summary",
        by: "li.na",
        hoursAgo: 300,
        body: "隐私计算互通的难题收到不少回复，下周我整理一份汇总。",
      },
      {
        key: "pilots",
        by: "fan.xu",
        hoursAgo: 280,
        body: "From the finance side: interoperability between privacy-computing platforms is blocking two of our pilots. Happy to provide test data under NDA.",
      },
      {
        key: "pilots-answer",
        by: "li.na",
        hoursAgo: 279,
        replyTo: "pilots",
        body: "Thanks Fan! 测试数据这块我们单独约个会聊。",
      },
      {
        key: "range",
        by: "wang.lei",
        hoursAgo: 200,
        body: "工作坊的靶场环境我们可以提供，PLC 和 SCADA 都有。",
      },
      {
        key: "range-answer",
        by: "chen.jing",
        hoursAgo: 150,
        replyTo: "range",
        body: "太好了，@王磊 麻烦把设备清单发我一份。",
      },
      {
        key: "lecturers",
        by: "huang.zhiyuan",
        hoursAgo: 60,
        body: "学校网络安全实验室有两位老师愿意做工作坊讲师。",
      },
      {
        key: "afternoon",
        by: "li.na",
        hoursAgo: 10,
        body: "@陈静 工作坊报名已经过半了，要不要加开下午场？",
      },
      {
        key: "afternoon-yes",
        by: "fan.xu",
        hoursAgo: 4,
        replyTo: "afternoon",
        body: "+1 for an afternoon session: several of our members can only come after lunch.",
      },
    ],
  },
  {
    alliance: "information-security",
    slug: "privacy-computing",
    name: "隐私计算互通",
    description: "接口标准、跨平台联合建模和测评方法",
    kind: "open",
    createdBy: "li.na",
    daysAgo: 12,
    messages: [
      {
        key: "scope",
        by: "li.na",
        hoursAgo: 270,
        body: "这个频道专门讨论隐私计算平台互通：接口标准、跨平台联合建模、测评方法。",
      },
      {
        key: "psi",
        by: "fan.xu",
        hoursAgo: 260,
        body: "We'd like to start with a minimal interoperable PSI (private set intersection) between two vendors. Has anyone tried that?",
      },
      {
        key: "psi-answer",
        by: "huang.zhiyuan",
        hoursAgo: 255,
        replyTo: "psi",
        body: "我们实验室做过两家平台的 PSI 对接，主要卡在密钥协商协议不一致。",
      },
      {
        key: "standard",
        by: "wang.lei",
        hoursAgo: 120,
        body: "可以参考团体标准草案里的互联互通接口，我把链接放在难题回复里了。",
      },
    ],
  },
  {
    alliance: "iot-electronics",
    slug: "general",
    unread: { "chen.jing": 2 },
    messages: [
      {
        key: "welcome",
        by: "sun.hao",
        hoursAgo: 310,
        body: "大家好，物联网与电子信息行业协会频道开通，欢迎会员单位在这里交流供需。",
      },
      {
        key: "nb-iot",
        by: "emily.zhou",
        hoursAgo: 290,
        body: "Hello from Gangwan Communications! We're looking for partners on low-power NB-IoT modules for port equipment.",
      },
      {
        key: "nb-iot-answer",
        by: "sun.hao",
        hoursAgo: 289,
        replyTo: "nb-iot",
        body: "欢迎！智端电子有模组产线，可以聊聊。",
      },
      {
        key: "wrong-channel",
        by: "wang.lei",
        hoursAgo: 180,
        body: "",
        deletedAfterMinutes: 2,
      },
      {
        key: "visit",
        by: "zhou.ting",
        hoursAgo: 170,
        body: "产线参观考察的时间定了，具体见活动页面。先进通信联盟也会一起去。",
      },
      {
        key: "dialect",
        by: "chen.jing",
        hoursAgo: 100,
        body: "方言语音识别那个难题，我们安防产品也遇到同样的问题，@孙浩 可以一起提需求。",
      },
      {
        key: "dialect-answer",
        by: "sun.hao",
        hoursAgo: 99,
        replyTo: "dialect",
        body: "好的，我把你们的场景补充到难题描述里。",
      },
      {
        key: "smt",
        by: "emily.zhou",
        hoursAgo: 12,
        body: "Quick question: will the line visit include the SMT workshop? Our engineers are especially interested in that.",
      },
      {
        key: "smt-answer",
        by: "zhou.ting",
        hoursAgo: 2,
        replyTo: "smt",
        body: "会的，SMT 车间是参观路线的第二站。",
      },
    ],
  },
  {
    alliance: "iot-electronics",
    slug: "supply-demand",
    name: "智能终端供需",
    description: "发布需求请写清楚规格、数量和时间",
    kind: "open",
    createdBy: "zhou.ting",
    daysAgo: 9,
    messages: [
      {
        key: "rules",
        by: "zhou.ting",
        hoursAgo: 200,
        body: "供需对接专用频道：发布需求请写清楚规格、数量和时间。",
      },
      {
        key: "microphones",
        by: "sun.hao",
        hoursAgo: 190,
        body: "**需求**：MEMS 麦克风阵列，四麦环形，年用量约 5 万套，要求国产。",
      },
      {
        key: "microphones-answer",
        by: "wang.lei",
        hoursAgo: 185,
        replyTo: "microphones",
        body: "我们有合作方做 MEMS 麦克风，我把联系方式私信给你。",
      },
      {
        key: "redcap-slots",
        by: "emily.zhou",
        hoursAgo: 80,
        body: "**Offer**: we have spare capacity for 5G RedCap module testing next month. Contact me if you need a test slot.",
      },
    ],
  },
  {
    alliance: "financial-big-data",
    slug: "general",
    messages: [
      {
        key: "welcome",
        by: "fan.xu",
        hoursAgo: 300,
        body: "Welcome to the Financial Big Data alliance channel. Chinese or English, whichever you prefer.",
      },
      {
        key: "workshop",
        by: "zhang.wei",
        hoursAgo: 298,
        body: "欢迎！金融数据合规共享研讨会还在筹备中，有想法的可以先在这里提。",
      },
      {
        key: "credit",
        by: "li.na",
        hoursAgo: 220,
        body: "中小企业信贷风控的难题，我们想找有税务、电力数据的合作方。",
      },
      {
        key: "utility",
        by: "maria.santos",
        hoursAgo: 210,
        replyTo: "credit",
        body: "Our institute has an anonymised research dataset on SMEs' utility usage. Could be a starting point.",
      },
      {
        key: "utility-thanks",
        by: "li.na",
        hoursAgo: 209,
        replyTo: "utility",
        body: "That would be great, thanks Maria!",
      },
      {
        key: "dictionary",
        by: "fan.xu",
        hoursAgo: 50,
        body: "The data governance problem now has the draft data dictionary. @张伟 please review the field naming section.",
      },
      {
        key: "dictionary-answer",
        by: "zhang.wei",
        hoursAgo: 30,
        replyTo: "dictionary",
        body: "收到，周五前给意见。",
      },
    ],
  },
  {
    alliance: "financial-big-data",
    slug: "sharing-rules-draft",
    name: "合规共享规范起草组",
    description: "Drafting the alliance's rules for compliant data sharing",
    kind: "private",
    createdBy: "fan.xu",
    daysAgo: 7,
    invited: ["zhang.wei", "li.na"],
    messages: [
      {
        key: "first-draft",
        by: "fan.xu",
        hoursAgo: 160,
        body: "A private channel for the drafting group. The first draft of the data-sharing rules is on the workshop's event page.",
      },
      {
        key: "grading",
        by: "zhang.wei",
        hoursAgo: 150,
        body: "第三章的数据分级，我建议参照行业标准的五级划分。",
      },
      {
        key: "deidentify",
        by: "li.na",
        hoursAgo: 148,
        replyTo: "grading",
        body: "同意，另外个人信息去标识化要单独成节。",
      },
      {
        key: "second-draft",
        by: "fan.xu",
        hoursAgo: 40,
        body: "The second draft is ready. Let's finalise it before the workshop date is announced.",
      },
    ],
  },
  {
    alliance: "advanced-communications",
    slug: "general",
    messages: [
      {
        key: "welcome",
        by: "emily.zhou",
        hoursAgo: 320,
        body: "Hi everyone, this is the Advanced Communications alliance's channel. English and Chinese both welcome.",
      },
      {
        key: "cancelled",
        by: "zhou.ting",
        hoursAgo: 300,
        body: "5G 专网部署经验交流会因为场地问题取消了，改期另行通知，抱歉。",
      },
      {
        key: "cancelled-answer",
        by: "liu.yang",
        hoursAgo: 290,
        replyTo: "cancelled",
        body: "期待改期，我们车联网测试也需要专网。",
      },
      {
        key: "redcap",
        by: "wang.lei",
        hoursAgo: 150,
        body: "RedCap 模组成本的难题，我们和两家模组厂谈过了，量产价格有望下降 30%。",
      },
      {
        key: "redcap-answer",
        by: "sun.hao",
        hoursAgo: 148,
        replyTo: "redcap",
        body: "好消息！智端电子的终端也想用 RedCap。",
      },
      {
        key: "port",
        by: "emily.zhou",
        hoursAgo: 40,
        body: "Port pilot update: the private network now covers all quay cranes, and jitter stays under 10 ms at p99.",
      },
    ],
  },
  {
    alliance: "advanced-communications",
    slug: "private-networks",
    name: "5G 专网",
    description: "工厂和港口的 5G 专网：时延抖动、切换、上行带宽",
    kind: "open",
    createdBy: "zhou.ting",
    daysAgo: 11,
    messages: [
      {
        key: "scope",
        by: "zhou.ting",
        hoursAgo: 250,
        body: "这个频道讨论工厂和港口的 5G 专网：时延抖动、切换、上行带宽。",
      },
      {
        key: "uplink",
        by: "emily.zhou",
        hoursAgo: 240,
        body: "Our biggest issue was uplink bandwidth for video from the cranes. We moved to a 3:1 downlink/uplink frame configuration.",
      },
      {
        key: "handover",
        by: "liu.yang",
        hoursAgo: 200,
        body: "AGV 在基站之间切换时偶尔掉线，有没有人遇到过？",
      },
      {
        key: "handover-answer",
        by: "emily.zhou",
        hoursAgo: 199,
        replyTo: "handover",
        body: "Yes — check the handover thresholds: the defaults are tuned for phones, not for fast-moving AGVs.",
      },
    ],
  },
  {
    alliance: "robotics",
    slug: "general",
    unread: { "zhao.min": 3 },
    messages: [
      {
        key: "welcome",
        by: "zhao.min",
        hoursAgo: 330,
        body: "机器人产业联盟频道开通啦！谐波减速器研讨会和每周零部件研讨的通知都会发在这里。",
      },
      {
        key: "daniel",
        by: "daniel.hoffmann",
        hoursAgo: 325,
        body: "Hello everyone! Daniel from Jingrui Drive. I'll coordinate the weekly component seminars — I write in English, but please answer in Chinese if you prefer.",
      },
      {
        key: "daniel-answer",
        by: "sun.hao",
        hoursAgo: 320,
        replyTo: "daniel",
        body: "欢迎 Daniel！伺服编码器的问题我们可以在周会上讲一讲。",
      },
      {
        key: "welding",
        by: "maria.santos",
        hoursAgo: 280,
        body: "The welding seam tracking problem is solved — thanks to everyone who contributed. The write-up is on the problem page.",
      },
      {
        key: "welding-answer",
        by: "huang.zhiyuan",
        hoursAgo: 270,
        replyTo: "welding",
        body: "恭喜！激光视觉和电弧传感融合的思路值得推广。",
      },
      {
        key: "seminar",
        by: "zhao.min",
        hoursAgo: 200,
        body: "谐波减速器寿命与国产化研讨会定了，欢迎大家报名。人工智能联盟也一起主办。",
      },
      {
        key: "encoder",
        by: "daniel.hoffmann",
        hoursAgo: 120,
        body: "This week's seminar is on RV reducer backlash. @孙浩 would you share your encoder test results next time?",
      },
      {
        key: "encoder-answer",
        by: "sun.hao",
        hoursAgo: 119,
        replyTo: "encoder",
        body: "没问题，我准备一下。",
      },
      {
        key: "point-cloud",
        by: "huang.zhiyuan",
        hoursAgo: 26,
        body: "三维视觉无序抓取的难题，我们实验室新出了一版点云配准算法，欢迎试用。",
      },
      {
        key: "headcount",
        by: "daniel.hoffmann",
        hoursAgo: 8,
        replyTo: "seminar",
        body: "@赵敏 the venue for the reducer seminar needs the final headcount by Friday — can you confirm?",
      },
      {
        key: "colleagues",
        by: "maria.santos",
        hoursAgo: 5,
        body: "I'll bring two colleagues from the institute to the seminar.",
      },
      {
        key: "materials",
        by: "sun.hao",
        hoursAgo: 1,
        body: "周会的材料已经上传到活动页面。",
      },
    ],
  },
  {
    alliance: "robotics",
    slug: "reducer-taskforce",
    name: "减速器攻关",
    description: "谐波与 RV 减速器寿命、回差问题的联合攻关",
    kind: "open",
    createdBy: "zhao.min",
    daysAgo: 13,
    unread: { "zhao.min": 1 },
    messages: [
      {
        key: "bench",
        by: "zhao.min",
        hoursAgo: 300,
        body: "攻关小组频道。柔轮疲劳开裂的台架试验数据我会陆续放上来。",
      },
      {
        key: "rv",
        by: "daniel.hoffmann",
        hoursAgo: 296,
        body: "Great. On our side the RV backlash seems to come from the assembly sequence of the pin gear housing. We're running a DOE next week.",
      },
      {
        key: "first-round",
        by: "zhao.min",
        hoursAgo: 250,
        editedAfterMinutes: 40,
        body: "台架试验第一轮结果：2000 小时后 3 件样件中有 2 件出现齿根裂纹，裂纹都起始于过渡圆角。",
      },
      {
        key: "shot-peening",
        by: "huang.zhiyuan",
        hoursAgo: 248,
        replyTo: "first-round",
        body: "过渡圆角处可以试试喷丸强化，我们有合作的表面处理厂。",
      },
      {
        key: "doe",
        by: "daniel.hoffmann",
        hoursAgo: 150,
        body: "DOE results: the tightening order explains most of the backlash variance. I'll write it up on the problem page.",
      },
      {
        key: "zero-point",
        by: "sun.hao",
        hoursAgo: 140,
        body: "编码器这边也发现装配应力会影响零点，感觉是同一类问题。",
      },
      {
        key: "samples",
        by: "zhao.min",
        hoursAgo: 20,
        replyTo: "doe",
        body: "喷丸样件下周到，到了就上台架。@Daniel Hoffmann 你们的 DOE 报告我看了，写得很清楚。",
      },
      {
        key: "compare",
        by: "daniel.hoffmann",
        hoursAgo: 6,
        replyTo: "samples",
        body: "Thanks! Let's compare notes at the seminar.",
      },
    ],
  },
  {
    alliance: "robotics",
    slug: "organizers",
    name: "组织者",
    description: "研讨会分工",
    kind: "private",
    createdBy: "zhao.min",
    daysAgo: 9,
    invited: ["daniel.hoffmann", "maria.santos"],
    messages: [
      {
        key: "roles",
        by: "zhao.min",
        hoursAgo: 200,
        body: "组织者小群：研讨会的分工在这里商量。",
      },
      {
        key: "speakers",
        by: "daniel.hoffmann",
        hoursAgo: 198,
        body: "I can handle the speakers and the agenda. Maria, could you take registration and check-in?",
      },
      {
        key: "check-in",
        by: "maria.santos",
        hoursAgo: 197,
        replyTo: "speakers",
        body: "Sure, I'll set up the check-in codes.",
      },
      {
        key: "budget",
        by: "zhao.min",
        hoursAgo: 30,
        body: "场地和茶歇我来定，预算按 120 人准备。",
      },
    ],
  },
  {
    alliance: "intelligent-vehicles",
    slug: "general",
    messages: [
      {
        key: "welcome",
        by: "liu.yang",
        hoursAgo: 330,
        body: "智能车辆学会频道开通，季度会议和测试场开放日的消息会在这里发布。",
      },
      {
        key: "v2x-security",
        by: "emily.zhou",
        hoursAgo: 320,
        body: "Thanks Liu Yang. I've posted the V2X message-security problem in English; comments from the security folks are very welcome.",
      },
      {
        key: "certificates",
        by: "chen.jing",
        hoursAgo: 300,
        replyTo: "v2x-security",
        body: "我们可以从证书管理这块提一些建议。",
      },
      {
        key: "rsu-site",
        by: "zhang.wei",
        hoursAgo: 220,
        body: "路侧单元运维的难题，东丽示范区那边愿意提供现场。",
      },
      {
        key: "dataset",
        by: "huang.zhiyuan",
        hoursAgo: 180,
        body: "学校的自动驾驶长尾场景数据集整理好了，学会成员可以申请使用。",
      },
      {
        key: "agenda",
        by: "liu.yang",
        hoursAgo: 90,
        body: "季度会议议程征集中，大家有想讨论的议题可以直接回复。",
      },
      {
        key: "lidar",
        by: "emily.zhou",
        hoursAgo: 89,
        replyTo: "agenda",
        body: "Suggestion: a session on lidar cost-down roadmaps.",
      },
      {
        key: "radar",
        by: "chen.jing",
        hoursAgo: 88,
        replyTo: "agenda",
        body: "建议加一个毫米波雷达点云的专题。",
      },
    ],
  },
  {
    alliance: "intelligent-vehicles",
    slug: "v2x",
    name: "车路协同",
    description: "RSU 部署、消息安全、测试评价",
    kind: "open",
    createdBy: "liu.yang",
    daysAgo: 12,
    unread: { "chen.jing": 3 },
    messages: [
      {
        key: "scope",
        by: "liu.yang",
        hoursAgo: 260,
        body: "车路协同专题：RSU 部署、消息安全、测试评价。",
      },
      {
        key: "power",
        by: "zhang.wei",
        hoursAgo: 250,
        body: "RSU 的供电和回传是最大的成本，我们在试太阳能加 5G 回传。",
      },
      {
        key: "signing",
        by: "emily.zhou",
        hoursAgo: 240,
        body: "Message signing adds about 3 ms per hop on our RSUs. Acceptable for now.",
      },
      {
        key: "crl",
        by: "chen.jing",
        hoursAgo: 150,
        body: "证书撤销列表的分发是个问题，RSU 离线时怎么办？",
      },
      {
        key: "crl-answer",
        by: "emily.zhou",
        hoursAgo: 30,
        replyTo: "crl",
        body: "@陈静 we cache the CRL on each RSU and refresh it every 6 hours; offline RSUs fall back to short-lived certificates.",
      },
      {
        key: "quarterly",
        by: "liu.yang",
        hoursAgo: 12,
        body: "这个方案可以在季度会议上展开讲讲。",
      },
      {
        key: "test-data",
        by: "zhang.wei",
        hoursAgo: 3,
        replyTo: "quarterly",
        body: "同意，我来准备测试数据。",
      },
    ],
  },
];
