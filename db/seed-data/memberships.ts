/**
 * Who is in which alliance, by email (users.ts) and alliance slug (alliances.ts). Every alliance has a
 * chair and an organizer; firms sit in the alliances of the chains they supply or need, and a few
 * requests are still pending so organizers have something to decide.
 */
export type MembershipSeed = {
  alliance: string;
  email: string;
  role: "chair" | "organizer" | "member";
  status: "active" | "pending";
};

const at = (name: string) => `${name}@demo.qilian.example`;

const plan: Record<string, { chair: string; organizers: string[]; members: string[]; pending?: string[] }> = {
  "artificial-intelligence": {
    chair: "huang.zhiyuan",
    organizers: ["maria.santos"],
    members: ["wang.lei", "li.na", "zhang.wei", "chen.jing", "zhao.min", "liu.yang", "zhou.ting"],
    pending: ["sun.hao"],
  },
  "information-security": {
    chair: "chen.jing",
    organizers: ["li.na"],
    members: ["wang.lei", "fan.xu", "huang.zhiyuan"],
    pending: ["emily.zhou"],
  },
  "iot-electronics": {
    chair: "sun.hao",
    organizers: ["zhou.ting"],
    members: ["wang.lei", "emily.zhou", "chen.jing"],
  },
  "financial-big-data": {
    chair: "fan.xu",
    organizers: ["zhang.wei"],
    members: ["li.na", "maria.santos"],
    pending: ["zhou.ting"],
  },
  "advanced-communications": {
    chair: "emily.zhou",
    organizers: ["zhou.ting"],
    members: ["sun.hao", "liu.yang", "wang.lei"],
  },
  robotics: {
    chair: "zhao.min",
    organizers: ["daniel.hoffmann"],
    members: ["huang.zhiyuan", "maria.santos", "sun.hao"],
    pending: ["liu.yang"],
  },
  "intelligent-vehicles": {
    chair: "liu.yang",
    organizers: ["emily.zhou"],
    members: ["chen.jing", "zhang.wei", "huang.zhiyuan"],
  },
};

export const membershipSeeds: MembershipSeed[] = Object.entries(plan).flatMap(([alliance, who]) => [
  { alliance, email: at(who.chair), role: "chair" as const, status: "active" as const },
  ...who.organizers.map((name) => ({
    alliance,
    email: at(name),
    role: "organizer" as const,
    status: "active" as const,
  })),
  ...who.members.map((name) => ({
    alliance,
    email: at(name),
    role: "member" as const,
    status: "active" as const,
  })),
  ...(who.pending ?? []).map((name) => ({
    alliance,
    email: at(name),
    role: "member" as const,
    status: "pending" as const,
  })),
]);
