/**
 * The plan's seven industry chains (天津市人工智能"七链"精准创新行动计划, 2018—2020). Nodes are listed upstream
 * first, so a node's `position` (its index) is a valid drawing order; `upstream` names the nodes that supply it.
 */
export type ChainNodeSeed = { slug: string; nameZh: string; nameEn: string; upstream?: string[] };

export type ChainSeed = {
  slug: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  nodes: ChainNodeSeed[];
};

export const chainSeeds: ChainSeed[] = [
  {
    slug: "independent-it",
    nameZh: "自主可控信息系统",
    nameEn: "Independent & Controllable Information Systems",
    descriptionZh:
      "从中央处理器（CPU）、操作系统、数据库到整机的自主可控信息系统，是滨海高新区打造基础软硬件创新高地的依托。重点是加强多层次间的技术和产品兼容适配，形成系统应用。",
    descriptionEn:
      "A self-reliant information system from the CPU through the operating system and database to the complete machine, the base of Binhai High-tech Zone's push for basic software and hardware. The focus is compatibility and adaptation across layers, so the parts work as one system.",
    nodes: [
      { slug: "cpu", nameZh: "中央处理器（CPU）", nameEn: "Central processing units (CPU)" },
      { slug: "storage", nameZh: "存储芯片与存储设备", nameEn: "Memory chips and storage devices" },
      { slug: "os", nameZh: "操作系统", nameEn: "Operating systems", upstream: ["cpu"] },
      { slug: "database", nameZh: "数据库", nameEn: "Databases", upstream: ["os"] },
      { slug: "middleware", nameZh: "中间件", nameEn: "Middleware", upstream: ["os"] },
      { slug: "security-software", nameZh: "安全软件", nameEn: "Security software", upstream: ["os"] },
      {
        slug: "complete-machine",
        nameZh: "整机（服务器与桌面终端）",
        nameEn: "Complete machines (servers and desktops)",
        upstream: ["database", "middleware", "storage"],
      },
      {
        slug: "adaptation",
        nameZh: "兼容适配与测评",
        nameEn: "Compatibility adaptation and testing",
        upstream: ["complete-machine", "security-software"],
      },
      {
        slug: "applications",
        nameZh: "行业应用系统（政务、金融、能源）",
        nameEn: "Industry applications (government, finance, energy)",
        upstream: ["adaptation"],
      },
    ],
  },
  {
    slug: "smart-security",
    nameZh: "智能安防",
    nameEn: "Intelligent Security",
    descriptionZh:
      "以图像传感、视觉芯片和跨媒体分析算法为基础，从前端智能摄像机到视频分析平台，服务智慧城市与港口园区。计划支持认定智能安防产业链的科技领军企业实施重大创新项目。",
    descriptionEn:
      "Built on image sensors, vision chips and cross-media analysis algorithms, running from smart cameras at the edge to video analytics platforms that serve smart cities, ports and industrial parks. The plan backs the chain's leading firms with major innovation projects.",
    nodes: [
      { slug: "image-sensors", nameZh: "图像传感器", nameEn: "Image sensors" },
      { slug: "vision-chips", nameZh: "视觉AI芯片", nameEn: "Vision AI chips" },
      {
        slug: "algorithms",
        nameZh: "计算机视觉与跨媒体分析算法",
        nameEn: "Computer vision and cross-media analysis",
      },
      {
        slug: "cameras",
        nameZh: "智能摄像机与前端设备",
        nameEn: "Smart cameras and edge devices",
        upstream: ["image-sensors", "vision-chips"],
      },
      {
        slug: "video-network",
        nameZh: "视频传输与存储",
        nameEn: "Video transmission and storage",
        upstream: ["cameras"],
      },
      {
        slug: "analytics-platform",
        nameZh: "视频智能分析平台",
        nameEn: "Video analytics platforms",
        upstream: ["video-network", "algorithms"],
      },
      {
        slug: "command-center",
        nameZh: "安防指挥与运营平台",
        nameEn: "Security command and operations",
        upstream: ["analytics-platform"],
      },
      {
        slug: "safe-city",
        nameZh: "智慧城市与平安社区",
        nameEn: "Smart cities and safe communities",
        upstream: ["command-center"],
      },
      {
        slug: "ports-parks",
        nameZh: "港口与园区安防",
        nameEn: "Port and industrial-park security",
        upstream: ["command-center"],
      },
    ],
  },
  {
    slug: "big-data",
    nameZh: "大数据",
    nameEn: "Big Data",
    descriptionZh:
      "覆盖数据采集、存储、清洗、分析、应用、交易的大数据全产业链。以应用需求为牵引，突破数据清洗、分析挖掘等关键节点；以数据采集新技术为导向，推动数据安全示范应用，形成自主可控的全产业链技术架构。",
    descriptionEn:
      "The whole big-data chain: collection, storage, cleaning, analysis, application and trading. Demand from applications drives breakthroughs in data cleaning and mining, while new collection techniques lead to data-security pilots, towards a self-reliant architecture for the whole chain.",
    nodes: [
      { slug: "collection", nameZh: "数据采集", nameEn: "Data collection" },
      { slug: "cloud", nameZh: "云计算基础设施", nameEn: "Cloud computing infrastructure" },
      { slug: "storage", nameZh: "数据存储", nameEn: "Data storage", upstream: ["collection", "cloud"] },
      { slug: "cleaning", nameZh: "数据清洗", nameEn: "Data cleaning", upstream: ["storage"] },
      { slug: "mining", nameZh: "分析挖掘", nameEn: "Analysis and mining", upstream: ["cleaning"] },
      { slug: "security", nameZh: "数据安全", nameEn: "Data security", upstream: ["collection"] },
      {
        slug: "applications",
        nameZh: "数据应用（医疗、金融、城市治理）",
        nameEn: "Data applications (health, finance, city management)",
        upstream: ["mining", "security"],
      },
      { slug: "trading", nameZh: "数据交易", nameEn: "Data trading", upstream: ["applications", "security"] },
    ],
  },
  {
    slug: "advanced-communications",
    nameZh: "先进通信",
    nameEn: "Advanced Communications",
    descriptionZh:
      "从射频芯片、光器件到基站与承载网设备，再到网络运营和行业应用。计划支持天津港保税区建设先进通信产业基地，并围绕先进通信产业链引进龙头企业，补强薄弱环节。",
    descriptionEn:
      "From RF chips and optical components to base stations and transport equipment, then network operation and industry applications. The plan supports an advanced-communications industrial base in the Tianjin Port Free Trade Zone and recruits leading firms to strengthen the chain's weak links.",
    nodes: [
      { slug: "rf-chips", nameZh: "射频与基带芯片", nameEn: "RF and baseband chips" },
      { slug: "optical-components", nameZh: "光器件与光模块", nameEn: "Optical components and modules" },
      { slug: "antennas", nameZh: "天线与滤波器", nameEn: "Antennas and filters" },
      {
        slug: "base-stations",
        nameZh: "5G基站设备",
        nameEn: "5G base stations",
        upstream: ["rf-chips", "antennas"],
      },
      {
        slug: "optical-transport",
        nameZh: "光传输与承载网设备",
        nameEn: "Optical transport equipment",
        upstream: ["optical-components"],
      },
      { slug: "modules", nameZh: "通信模组", nameEn: "Communication modules", upstream: ["rf-chips"] },
      {
        slug: "network-operation",
        nameZh: "网络建设与运营",
        nameEn: "Network construction and operation",
        upstream: ["base-stations", "optical-transport"],
      },
      {
        slug: "industry-applications",
        nameZh: "行业应用（智慧港口、工业互联网）",
        nameEn: "Industry applications (smart ports, industrial internet)",
        upstream: ["network-operation", "modules"],
      },
    ],
  },
  {
    slug: "connected-vehicles",
    nameZh: "智能网联车",
    nameEn: "Intelligent Connected Vehicles",
    descriptionZh:
      "从交通应用场景、智能驾驶车辆到智能出行网络，建设智能网联车示范运行基地。计划推动东丽区智能网联车产业聚集发展，建立人工智能产业与示范小镇。",
    descriptionEn:
      "From traffic scenarios through self-driving vehicles to an intelligent mobility network, building a demonstration base for connected vehicles. The plan clusters the industry in Dongli District around an AI industry and demonstration town.",
    nodes: [
      { slug: "radar-lidar", nameZh: "激光雷达与毫米波雷达", nameEn: "LiDAR and millimetre-wave radar" },
      { slug: "vehicle-chips", nameZh: "车规级计算芯片", nameEn: "Automotive-grade computing chips" },
      { slug: "hd-maps", nameZh: "高精度地图与定位", nameEn: "HD maps and positioning" },
      { slug: "v2x", nameZh: "车路协同通信（V2X）", nameEn: "Vehicle-to-everything communication (V2X)" },
      {
        slug: "traffic-scenarios",
        nameZh: "交通应用场景与测试场",
        nameEn: "Traffic scenarios and test fields",
      },
      {
        slug: "driving-systems",
        nameZh: "自动驾驶系统",
        nameEn: "Autonomous driving systems",
        upstream: ["radar-lidar", "vehicle-chips", "hd-maps"],
      },
      {
        slug: "autonomous-vehicles",
        nameZh: "智能驾驶车辆",
        nameEn: "Self-driving vehicles",
        upstream: ["driving-systems", "traffic-scenarios"],
      },
      {
        slug: "smart-roads",
        nameZh: "智能道路基础设施",
        nameEn: "Smart road infrastructure",
        upstream: ["v2x"],
      },
      {
        slug: "mobility-network",
        nameZh: "智能出行网络",
        nameEn: "Intelligent mobility network",
        upstream: ["autonomous-vehicles", "smart-roads"],
      },
    ],
  },
  {
    slug: "industrial-robots",
    nameZh: "工业机器人",
    nameEn: "Industrial Robots",
    descriptionZh:
      "从减速器、控制器、伺服系统到机器人本体，再到工业机器人系统集成。计划推动天津经济技术开发区建设智能制造示范区，支持企业首台（套）重大技术装备集成应用。",
    descriptionEn:
      "From reducers, controllers and servo systems to the robot body, then system integration. The plan builds a smart-manufacturing demonstration zone in the Tianjin Economic-Technological Development Area and supports first-of-a-kind equipment in real production.",
    nodes: [
      { slug: "reducers", nameZh: "精密减速器", nameEn: "Precision reducers" },
      { slug: "controllers", nameZh: "控制器", nameEn: "Controllers" },
      { slug: "servos", nameZh: "伺服系统", nameEn: "Servo systems" },
      { slug: "sensors", nameZh: "力觉与视觉传感器", nameEn: "Force and vision sensors" },
      { slug: "industrial-software", nameZh: "工业软件与仿真", nameEn: "Industrial software and simulation" },
      {
        slug: "robot-body",
        nameZh: "机器人本体",
        nameEn: "Robot bodies",
        upstream: ["reducers", "controllers", "servos"],
      },
      {
        slug: "end-effectors",
        nameZh: "末端执行器与夹具",
        nameEn: "End effectors and grippers",
        upstream: ["sensors"],
      },
      {
        slug: "system-integration",
        nameZh: "系统集成",
        nameEn: "System integration",
        upstream: ["robot-body", "end-effectors", "industrial-software"],
      },
      {
        slug: "smart-manufacturing",
        nameZh: "智能制造应用（汽车、电子、物流）",
        nameEn: "Smart manufacturing (automotive, electronics, logistics)",
        upstream: ["system-integration"],
      },
    ],
  },
  {
    slug: "smart-terminals",
    nameZh: "智能终端",
    nameEn: "Smart Terminals",
    descriptionZh:
      "以终端芯片、传感器和显示模组为上游，经嵌入式系统与物联网模组，到终端整机和智能家居、可穿戴等应用。计划围绕智能终端产业链精准引进龙头企业和细分领域冠军企业。",
    descriptionEn:
      "Terminal chips, sensors and display modules feed embedded systems and IoT modules, then finished devices and smart-home and wearable services. The plan targets leading firms and niche champions to come to Tianjin along this chain.",
    nodes: [
      { slug: "soc", nameZh: "终端芯片（SoC）", nameEn: "Terminal chips (SoC)" },
      { slug: "sensors", nameZh: "MEMS传感器", nameEn: "MEMS sensors" },
      { slug: "displays", nameZh: "显示与触控模组", nameEn: "Display and touch modules" },
      {
        slug: "embedded-os",
        nameZh: "嵌入式操作系统",
        nameEn: "Embedded operating systems",
        upstream: ["soc"],
      },
      {
        slug: "iot-modules",
        nameZh: "物联网通信模组",
        nameEn: "IoT communication modules",
        upstream: ["soc"],
      },
      {
        slug: "devices",
        nameZh: "终端整机（手机、可穿戴、服务机器人）",
        nameEn: "Finished devices (phones, wearables, service robots)",
        upstream: ["embedded-os", "iot-modules", "sensors", "displays"],
      },
      {
        slug: "iot-platform",
        nameZh: "物联网云平台",
        nameEn: "IoT cloud platforms",
        upstream: ["iot-modules"],
      },
      {
        slug: "services",
        nameZh: "智能家居与健康服务",
        nameEn: "Smart home and health services",
        upstream: ["devices", "iot-platform"],
      },
    ],
  },
];
