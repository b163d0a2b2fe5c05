/**
 * The one policy table (DESIGN §3). HTTP actions and socket handlers both ask it; tests generate the
 * authorization matrix from it, so a new action or role cannot land without a decision for every cell.
 *
 * Two layers: `policy` says which roles may attempt an action at all; the record-level checks below
 * narrow that to the record at hand (whose topic, which alliance). An action is allowed only when both agree.
 */

export const roles = ["anonymous", "user", "admin"] as const;
export type Role = (typeof roles)[number];

/** Who is asking: the signed-in user's id and platform role, or null for a visitor. */
export type Viewer = { id: string; platformRole: "admin" | null } | null;

export function roleOf(viewer: Viewer): Role {
  if (!viewer) return "anonymous";
  return viewer.platformRole === "admin" ? "admin" : "user";
}

export const policy = {
  /**
   * Recent platform-wide activity, read over HTTP: the home page shows every visitor who joined, so
   * visitors may read it too. Following it live stays with signed-in users (`platform.watch`).
   */
  "platform.read": { anonymous: true, user: true, admin: true },
  /** Live platform-wide activity (new members, announcements). */
  "platform.watch": { anonymous: false, user: true, admin: true },
  /** A user's private live topic (notifications); record check: only that user. */
  "user.watch": { anonymous: false, user: true, admin: true },
  /** An archived alliance's page, which is hidden from everyone else (404). */
  "alliance.viewArchived": { anonymous: false, user: false, admin: true },
  /** An alliance's live topic; record check: the alliance exists and is not archived. */
  "alliance.watch": { anonymous: false, user: true, admin: true },
} as const satisfies Record<string, Record<Role, boolean>>;

export type Action = keyof typeof policy;
export const actions = Object.keys(policy) as Action[];

export function allows(role: Role, action: Action): boolean {
  return policy[action][role];
}

export function can(viewer: Viewer, action: Action): boolean {
  return allows(roleOf(viewer), action);
}

/** Topic kinds a client may subscribe to, and the action each needs. Every other kind is refused. */
export const topicActions = {
  platform: "platform.watch",
  user: "user.watch",
  alliance: "alliance.watch",
} as const satisfies Record<string, Action>;

export type TopicKind = keyof typeof topicActions;

export function isTopicKind(kind: string): kind is TopicKind {
  return Object.hasOwn(topicActions, kind);
}

/** A user's topic is private to them: platform admins are not let in either. */
export function canWatchUser(viewer: Viewer, userId: string): boolean {
  return can(viewer, "user.watch") && viewer?.id === userId;
}

export type AllianceAccess = { archivedAt: Date | null };

export function canWatchAlliance(viewer: Viewer, alliance: AllianceAccess): boolean {
  return can(viewer, "alliance.watch") && alliance.archivedAt === null;
}
