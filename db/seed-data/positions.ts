/**
 * Where the demo organizations stand on the chains: what each supplies and what it needs from others,
 * following their descriptions. Upstream firms supply what downstream firms need; the gaps are left as
 * the plan describes them (no local robot bodies, servos, RF chips, LiDAR or cloud capacity), so every
 * chain shows weak links next to well-supplied nodes.
 */
export type PositionSeed = { org: string; chain: string; node: string; kind: "supplies" | "needs" };

type Stand = { supplies?: string[]; needs?: string[] };

function on(chain: string, nodes: Record<string, Stand>): PositionSeed[] {
  return Object.entries(nodes).flatMap(([node, { supplies = [], needs = [] }]) => [
    ...supplies.map((org) => ({ org, chain, node, kind: "supplies" as const })),
    ...needs.map((org) => ({ org, chain, node, kind: "needs" as const })),
  ]);
}

export const positionSeeds: PositionSeed[] = [
  ...on("independent-it", {
    cpu: { supplies: ["haihe-xinsuan"], needs: ["jinwan-software"] },
    storage: { needs: ["jinwan-software", "bochuan-data"] },
    os: { supplies: ["jinwan-software"], needs: ["haihe-xinsuan"] },
    database: { supplies: ["jinwan-software"], needs: ["jinrong-shuzhi"] },
    middleware: { needs: ["jinrong-shuzhi"] },
    "security-software": { needs: ["jinrong-shuzhi"] },
    "complete-machine": { needs: ["jinrong-shuzhi", "bochuan-data", "tech-transfer-center"] },
    adaptation: {
      supplies: ["intelligent-tech-institute", "jinwan-software"],
      needs: ["haihe-xinsuan"],
    },
    applications: { supplies: ["jinrong-shuzhi"] },
  }),
  ...on("smart-security", {
    "image-sensors": { needs: ["ruitong-security"] },
    "vision-chips": { needs: ["ruitong-security", "dongli-zhixing"] },
    algorithms: {
      supplies: ["haihe-university-of-technology", "ruitong-security"],
      needs: ["dongli-zhixing", "jinkai-robotics"],
    },
    cameras: { supplies: ["ruitong-security"] },
    "video-network": { supplies: ["gangwan-communications"], needs: ["ruitong-security"] },
    "analytics-platform": { supplies: ["ruitong-security"] },
    "command-center": { needs: ["ruitong-security", "gangwan-communications"] },
    "ports-parks": { supplies: ["ruitong-security"] },
  }),
  ...on("big-data", {
    collection: { supplies: ["zhiduan-electronics"], needs: ["bochuan-data"] },
    cloud: {
      needs: ["bochuan-data", "jinrong-shuzhi", "zhiduan-electronics", "tech-transfer-center"],
    },
    cleaning: { supplies: ["bochuan-data"], needs: ["jinrong-shuzhi"] },
    mining: { supplies: ["bochuan-data", "haihe-university-of-technology"], needs: ["jinrong-shuzhi"] },
    security: { needs: ["jinrong-shuzhi", "bochuan-data", "tech-transfer-center"] },
    applications: { supplies: ["jinrong-shuzhi", "bochuan-data"] },
    trading: { needs: ["bochuan-data"] },
  }),
  ...on("advanced-communications", {
    "rf-chips": { needs: ["gangwan-communications", "zhiduan-electronics"] },
    "optical-components": { needs: ["gangwan-communications"] },
    antennas: { supplies: ["gangwan-communications"] },
    "base-stations": { supplies: ["gangwan-communications"] },
    "optical-transport": { supplies: ["gangwan-communications"] },
    modules: {
      supplies: ["zhiduan-electronics"],
      needs: ["dongli-zhixing", "jinkai-robotics", "ruitong-security"],
    },
    "industry-applications": { supplies: ["gangwan-communications"], needs: ["jinkai-robotics"] },
  }),
  ...on("connected-vehicles", {
    "radar-lidar": { needs: ["dongli-zhixing", "haihe-university-of-technology"] },
    "vehicle-chips": { needs: ["dongli-zhixing"] },
    "hd-maps": { needs: ["dongli-zhixing"] },
    v2x: { supplies: ["gangwan-communications"], needs: ["dongli-zhixing"] },
    "traffic-scenarios": { supplies: ["intelligent-tech-institute"], needs: ["dongli-zhixing"] },
    "driving-systems": { supplies: ["dongli-zhixing", "haihe-university-of-technology"] },
    "autonomous-vehicles": { supplies: ["dongli-zhixing"] },
    "smart-roads": { needs: ["dongli-zhixing", "gangwan-communications"] },
  }),
  ...on("industrial-robots", {
    reducers: { supplies: ["jingrui-drive"], needs: ["haihe-university-of-technology"] },
    controllers: { supplies: ["haihe-university-of-technology"], needs: ["jinkai-robotics"] },
    servos: { needs: ["jinkai-robotics", "haihe-university-of-technology"] },
    sensors: { supplies: ["ruitong-security"], needs: ["jinkai-robotics"] },
    "industrial-software": {
      supplies: ["intelligent-tech-institute", "haihe-university-of-technology"],
      needs: ["jinkai-robotics"],
    },
    "robot-body": { needs: ["jinkai-robotics", "intelligent-tech-institute"] },
    "system-integration": { supplies: ["jinkai-robotics"], needs: ["zhiduan-electronics"] },
    "smart-manufacturing": { supplies: ["jinkai-robotics"] },
  }),
  ...on("smart-terminals", {
    soc: { needs: ["zhiduan-electronics", "ruitong-security"] },
    sensors: { needs: ["zhiduan-electronics", "dongli-zhixing"] },
    displays: { needs: ["zhiduan-electronics"] },
    "embedded-os": { supplies: ["jinwan-software"], needs: ["zhiduan-electronics"] },
    "iot-modules": { supplies: ["zhiduan-electronics"], needs: ["ruitong-security"] },
    devices: { supplies: ["zhiduan-electronics"] },
    "iot-platform": { supplies: ["zhiduan-electronics"], needs: ["ruitong-security"] },
  }),
];
