/**
 * The alliances, associations and societies the plan asks the chains to form (三、（一）3): AI, information
 * security, IoT/electronic information, financial big data, advanced communications, robotics, intelligent vehicles.
 * `chains` are chain slugs from chains.ts.
 */
export type AllianceSeed = {
  slug: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  joinPolicy: "open" | "request" | "invite";
  chains: string[];
};

export const allianceSeeds: AllianceSeed[] = [
  {
    slug: "artificial-intelligence",
    nameZh: "天津市人工智能产业技术创新战略联盟",
    nameEn: "Tianjin AI Industry Technology Innovation Strategic Alliance",
    descriptionZh:
      "联合全市人工智能企业、高校和科研院所，推动“七链”关键节点有效衔接、上下游互为应用场景。定期组织学术交流和研讨活动，协助引进高端人才和创新团队来津创新创业。",
    descriptionEn:
      "Brings together Tianjin's AI firms, universities and institutes so that the key nodes of the seven chains connect and each side becomes the other's application scenario. It runs regular academic exchanges and seminars and helps bring leading talent and teams to Tianjin.",
    joinPolicy: "open",
    chains: [
      "independent-it",
      "smart-security",
      "big-data",
      "advanced-communications",
      "connected-vehicles",
      "industrial-robots",
      "smart-terminals",
    ],
  },
  {
    slug: "information-security",
    nameZh: "天津市信息安全产业联盟",
    nameEn: "Tianjin Information Security Industry Alliance",
    descriptionZh:
      "围绕自主可控信息系统和数据安全，组织成员开展产品兼容适配和安全测评，共同攻关共性技术问题。推动安全产品在政务、金融等重点行业的示范应用。",
    descriptionEn:
      "Works on self-reliant information systems and data security: members test compatibility and security together and tackle common technical problems. It promotes pilot use of security products in government, finance and other key sectors.",
    joinPolicy: "request",
    chains: ["independent-it", "smart-security", "big-data"],
  },
  {
    slug: "iot-electronics",
    nameZh: "天津市物联网与电子信息行业协会",
    nameEn: "Tianjin IoT and Electronic Information Industry Association",
    descriptionZh:
      "服务芯片、传感器、通信模组和智能终端企业，促进上下游信息、资源和人才共享。引导“小而精”企业成为领军企业的配套企业，共同研发重点新产品。",
    descriptionEn:
      "Serves makers of chips, sensors, communication modules and smart terminals, and helps the chain share information, resources and people. It guides small specialist firms to become suppliers of the leading companies and to develop new products together.",
    joinPolicy: "open",
    chains: ["smart-terminals", "advanced-communications", "smart-security"],
  },
  {
    slug: "financial-big-data",
    nameZh: "天津市金融大数据产业联盟",
    nameEn: "Tianjin Financial Big Data Industry Alliance",
    descriptionZh:
      "连接金融机构与数据存储、清洗、分析、交易企业，推动智能金融应用示范。成员经邀请加入，共同制定数据安全与合规共享规范。",
    descriptionEn:
      "Connects financial institutions with firms that store, clean, analyse and trade data, and runs intelligent-finance pilots. Members join by invitation and agree common rules for secure, compliant data sharing.",
    joinPolicy: "invite",
    chains: ["big-data", "independent-it"],
  },
  {
    slug: "advanced-communications",
    nameZh: "天津市先进通信产业联盟",
    nameEn: "Tianjin Advanced Communications Industry Alliance",
    descriptionZh:
      "依托天津港保税区先进通信产业基地，汇聚芯片、光器件、基站设备和网络运营单位。推动5G在智慧港口、车联网和工业互联网中的应用，补强产业链薄弱环节。",
    descriptionEn:
      "Gathers chip, optical-component, base-station and network-operator members around the advanced-communications base in the Tianjin Port Free Trade Zone. It takes 5G into smart ports, connected vehicles and the industrial internet, and strengthens the chain's weak links.",
    joinPolicy: "request",
    chains: ["advanced-communications", "connected-vehicles", "smart-terminals"],
  },
  {
    slug: "robotics",
    nameZh: "天津市机器人产业联盟",
    nameEn: "Tianjin Robotics Industry Alliance",
    descriptionZh:
      "打通减速器、控制器、伺服系统到机器人本体和系统集成的工业机器人产业链。服务天津经济技术开发区智能制造示范区，推动首台（套）装备在成员企业中应用。",
    descriptionEn:
      "Links the industrial-robot chain from reducers, controllers and servo systems to robot bodies and system integration. It serves the smart-manufacturing demonstration zone in the Tianjin Economic-Technological Development Area and puts first-of-a-kind equipment to work in members' plants.",
    joinPolicy: "request",
    chains: ["industrial-robots", "smart-terminals"],
  },
  {
    slug: "intelligent-vehicles",
    nameZh: "天津市智能车辆学会",
    nameEn: "Tianjin Society of Intelligent Vehicles",
    descriptionZh:
      "面向智能驾驶、车路协同和智能出行网络的学术与产业交流平台。依托东丽区智能网联车示范运行基地，组织测试场开放日和学术研讨。",
    descriptionEn:
      "An academic and industry forum for autonomous driving, vehicle-road coordination and intelligent mobility networks. It uses the connected-vehicle demonstration base in Dongli District for test-field open days and academic seminars.",
    joinPolicy: "invite",
    chains: ["connected-vehicles", "advanced-communications", "big-data"],
  },
];
