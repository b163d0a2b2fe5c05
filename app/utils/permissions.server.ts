/**
 * The one policy table (DESIGN §3). HTTP actions and socket handlers both ask it; tests generate the
 * authorization matrix from it, so a new action or role cannot land without a decision for every cell.
 *
 * Each action belongs to a scope, and the scope fixes the roles it is decided for: on the platform a
 * viewer is anonymous, a user or an admin; in an alliance also a pending applicant, a member, an
 * organizer or the chair; in an organization a representative or its admin. A platform admin is
 * "admin" in every scope. Record-level rules that no role can express (the last chair, who may
 * change whose role) live below the table, here and nowhere else.
 */

export const scopeRoles = {
  platform: ["anonymous", "user", "admin"],
  alliance: ["anonymous", "user", "pending", "member", "organizer", "chair", "admin"],
  organization: ["anonymous", "user", "representative", "orgAdmin", "admin"],
} as const;

export type Scope = keyof typeof scopeRoles;
export type RoleIn<S extends Scope> = (typeof scopeRoles)[S][number];
export type PlatformRole = RoleIn<"platform">;
export type AllianceRole = RoleIn<"alliance">;
export type OrgRole = RoleIn<"organization">;

type Rule<S extends Scope> = { scope: S; allow: Record<RoleIn<S>, boolean> };

const platform = (allow: Record<PlatformRole, boolean>): Rule<"platform"> => ({ scope: "platform", allow });
const alliance = (allow: Record<AllianceRole, boolean>): Rule<"alliance"> => ({ scope: "alliance", allow });
const organization = (allow: Record<OrgRole, boolean>): Rule<"organization"> => ({
  scope: "organization",
  allow,
});

const organizersOnly = {
  anonymous: false,
  user: false,
  pending: false,
  member: false,
  organizer: true,
  chair: true,
  admin: true,
};
const signedIn = {
  anonymous: false,
  user: true,
  pending: true,
  member: true,
  organizer: true,
  chair: true,
  admin: true,
};
const adminOnly = {
  anonymous: false,
  user: false,
  pending: false,
  member: false,
  organizer: false,
  chair: false,
  admin: true,
};
const orgAdmins = { anonymous: false, user: false, representative: false, orgAdmin: true, admin: true };

export const policy = {
  /**
   * Recent platform-wide activity, read over HTTP: the home page shows every visitor who joined, so
   * visitors may read it too. Following it live stays with signed-in users (`platform.watch`).
   */
  "platform.read": platform({ anonymous: true, user: true, admin: true }),
  /** Live platform-wide activity (new members, announcements). */
  "platform.watch": platform({ anonymous: false, user: true, admin: true }),
  /** A user's private live topic and notifications; record check: only that user. */
  "user.watch": platform({ anonymous: false, user: true, admin: true }),
  /** Founding a new alliance is the platform operators' call. */
  "alliance.create": platform({ anonymous: false, user: false, admin: true }),

  /** An archived alliance's page, which is hidden from everyone else (404). */
  "alliance.viewArchived": alliance(adminOnly),
  /** An alliance's live topic; record check: the alliance is not archived. */
  "alliance.watch": alliance(signedIn),
  /**
   * Join (open) or ask to join (by request); record check: the alliance's policy. Asking again while
   * pending, or joining while already in (a double click), is allowed and changes nothing.
   */
  "alliance.join": alliance({ ...signedIn }),
  "alliance.cancelRequest": alliance({ ...adminOnly, admin: false, pending: true }),
  /** Record checks: an active member, and not the last chair. */
  "alliance.leave": alliance({ ...organizersOnly, member: true }),
  /** The member directory; record check: people who opted out are left out, hidden emails stay hidden. */
  "alliance.members.list": alliance(signedIn),
  /** Emails in the directory (unless a member hid theirs; organizers always see them to reach members). */
  "alliance.members.seeEmail": alliance({ ...organizersOnly, member: true }),
  "alliance.requests.decide": alliance(organizersOnly),
  "alliance.invite": alliance(organizersOnly),
  /** Promote, demote, remove; record check: `canManageMember`. */
  "alliance.members.manage": alliance(organizersOnly),
  "alliance.audit.view": alliance(organizersOnly),
  "alliance.edit": alliance(adminOnly),
  "alliance.archive": alliance(adminOnly),

  /** Anyone signed in may register an organization (at sign-up or later); they become its admin. */
  "org.create": platform({ anonymous: false, user: true, admin: true }),
  "org.edit": organization(orgAdmins),
  /** Invite and remove representatives; record check: the last org admin stays. */
  "org.representatives.manage": organization(orgAdmins),
  /** Leave an organization one represents; record check: not its last admin. */
  "org.leave": organization({ ...orgAdmins, representative: true, admin: false }),
  /** The "verified" badge: only operators vouch for an organization. */
  "org.verify": organization({ ...orgAdmins, orgAdmin: false }),

  /** Posting a problem to the board; record check: an alliance-only one goes to an alliance one is active in. */
  "problem.create": platform({ anonymous: false, user: true, admin: true }),
  /** "We have this too"; record checks: `canSeeProblem` (else 404), and not one's own problem. */
  "problem.endorse": platform({ anonymous: false, user: true, admin: true }),
  /** Replying on a problem's page; record check: `canSeeProblem` (else 404). */
  "problem.reply": platform({ anonymous: false, user: true, admin: true }),
  /** A problem's live topic; record check: `canSeeProblem` (an invisible problem's topic is refused as missing). */
  "problem.watch": platform({ anonymous: false, user: true, admin: true }),
  /** Offering to solve (揭榜); record checks: `canSeeProblem` (else 404) and `canApply`. */
  "problem.apply": platform({ anonymous: false, user: true, admin: true }),
  /** Hearing about a problem's replies, applications and status changes; record check: `canSeeProblem`. */
  "problem.follow": platform({ anonymous: false, user: true, admin: true }),
  /** Reporting a problem or a reply to the organizers; record check: `canSeeProblem`. */
  "problem.report": platform({ anonymous: false, user: true, admin: true }),
  /**
   * Edit, decide applications, milestones, status; record check: `canManageProblem` (the poster, or
   * whoever may moderate it).
   */
  "problem.manage": platform({ anonymous: false, user: true, admin: true }),
  /**
   * Hiding and restoring problems and replies with a reason, and the reports about them. Scoped to the
   * problem's alliance; a problem outside any alliance is moderated by platform admins.
   */
  "problem.moderate": alliance(organizersOnly),

  /** Scheduling an event hosted by the alliance (drafts included). */
  "event.create": alliance(organizersOnly),
  /**
   * Editing, publishing, cancelling an event, its occurrences, minutes and links; decided in the host
   * alliance. Drafts are seen only by those who may manage them.
   */
  "event.manage": alliance(organizersOnly),
  /** Registering and cancelling one's registration; record checks: `canSeeEvent`, published, window open. */
  "event.register": platform({ anonymous: false, user: true, admin: true }),
  /** Registrant list with contact data, CSV export and check-in, in the host alliance. */
  "event.registrants.view": alliance(organizersOnly),
  /** An event's live topic (seats left, waitlist positions); record check: `canSeeEvent`. */
  "event.watch": platform({ anonymous: false, user: true, admin: true }),

  /**
   * Reading an alliance's channels and their live topic; record check: `canSeeChannel` (a private
   * channel is for the people invited to it; everyone else is told it does not exist).
   */
  "channel.read": alliance({ ...organizersOnly, member: true }),
  /** Sending, replying, editing and deleting one's own messages; record check: `canPostInChannel`. */
  "channel.post": alliance({ ...organizersOnly, member: true }),
  /** Reporting a message to the alliance's organizers; record check: `canSeeChannel`. */
  "channel.report": alliance({ ...organizersOnly, member: true }),
  /** Opening topic channels, open or private. */
  "channel.create": alliance(organizersOnly),
  /** Renaming, archiving, inviting to and removing from private channels. */
  "channel.manage": alliance(organizersOnly),
  /** Deleting anyone's message, hiding reported ones with a reason, deciding reports. */
  "channel.moderate": alliance(organizersOnly),
  /** Who in the alliance is online now. */
  "alliance.presence.view": alliance({ ...organizersOnly, member: true }),

  /**
   * Sharing a resource for an organization; record checks: the viewer represents it, and an alliance-only
   * resource is shared only with alliances the viewer is an active member of.
   */
  "resource.create": platform({ anonymous: false, user: true, admin: true }),
  /**
   * Editing, withdrawing, confirming, attachments, and answering and deciding its inquiries: the
   * representatives of the organization that shares it.
   */
  "resource.manage": organization({ ...orgAdmins, representative: true }),
  /** Asking the provider about a resource; record checks: `canSeeResource` (else 404), not one's own. */
  "resource.inquire": platform({ anonymous: false, user: true, admin: true }),
  /** Reporting a resource to the organizers; record check: `canSeeResource`. */
  "resource.report": platform({ anonymous: false, user: true, admin: true }),
  /**
   * Hiding and restoring resources with a reason, and the reports about them, in the alliances a resource
   * is shared with; one shared with none is moderated by platform admins.
   */
  "resource.moderate": alliance(organizersOnly),
  /** How many inquiries the alliance's resources received — counts only, never their contents. */
  "resource.inquiries.count": alliance(organizersOnly),
  /** An inquiry's thread and its live topic; record check: `canReadInquiry` (asker or provider). */
  "inquiry.watch": platform({ anonymous: false, user: true, admin: true }),

  /**
   * The platform's figures (/admin): every alliance, chain and organization. Operators only; organizers
   * read their own alliance's through `alliance.insights.view`.
   */
  "admin.insights.view": platform({ anonymous: false, user: false, admin: true }),
  /** The review queue of every report on the platform, content outside any alliance included. */
  "admin.moderate": platform({ anonymous: false, user: false, admin: true }),
  /** Suspending and reinstating accounts: a suspension ends the user's sessions and sockets at once. */
  "admin.users.manage": platform({ anonymous: false, user: false, admin: true }),
  /** The whole audit log, filtered by who, what and when. */
  "admin.audit.view": platform({ anonymous: false, user: false, admin: true }),
  /** An alliance's figures, charts, CSV exports and printable period report. */
  "alliance.insights.view": alliance(organizersOnly),
  /**
   * The alliance's one review queue of reported problems, replies, messages and resources; each
   * decision is still the subject's own `*.moderate` action.
   */
  "alliance.reports.review": alliance(organizersOnly),
} as const;

export type Action = keyof typeof policy;
export const actions = Object.keys(policy) as Action[];
export type ActionIn<S extends Scope> = {
  [A in Action]: (typeof policy)[A]["scope"] extends S ? A : never;
}[Action];

export function allows<A extends Action>(role: RoleIn<(typeof policy)[A]["scope"]>, action: A): boolean {
  return (policy[action].allow as Record<string, boolean>)[role] === true;
}

/** Who is asking: the signed-in user's id and platform role, or null for a visitor. */
export type Viewer = { id: string; platformRole: "admin" | null } | null;

export function platformRole(viewer: Viewer): PlatformRole {
  if (!viewer) return "anonymous";
  return viewer.platformRole === "admin" ? "admin" : "user";
}

export function can(viewer: Viewer, action: ActionIn<"platform">): boolean {
  return allows(platformRole(viewer), action);
}

/** The viewer's membership row in an alliance, if any (any status). */
export type MembershipState = {
  role: "chair" | "organizer" | "member";
  status: "pending" | "active" | "left" | "removed" | "rejected";
} | null;

export function allianceRole(viewer: Viewer, membership: MembershipState): AllianceRole {
  const base = platformRole(viewer);
  if (base !== "user") return base;
  if (membership?.status === "active") return membership.role;
  if (membership?.status === "pending") return "pending";
  return "user";
}

export function canInAlliance(role: AllianceRole, action: ActionIn<"alliance">): boolean {
  return allows(role, action);
}

export type OrgRepresentation = { role: "admin" | "representative" } | null;

export function orgRole(viewer: Viewer, representation: OrgRepresentation): OrgRole {
  const base = platformRole(viewer);
  if (base !== "user") return base;
  if (!representation) return "user";
  return representation.role === "admin" ? "orgAdmin" : "representative";
}

export function canInOrg(role: OrgRole, action: ActionIn<"organization">): boolean {
  return allows(role, action);
}

/** Topic kinds a client may subscribe to, and the action each needs. Every other kind is refused. */
export const topicActions = {
  platform: "platform.watch",
  user: "user.watch",
  alliance: "alliance.watch",
  problem: "problem.watch",
  event: "event.watch",
  board: "problem.watch",
  channel: "channel.read",
  inquiry: "inquiry.watch",
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

export function canWatchAlliance(role: AllianceRole, alliance: AllianceAccess): boolean {
  return canInAlliance(role, "alliance.watch") && alliance.archivedAt === null;
}

export type MemberRole = "chair" | "organizer" | "member";
const rank: Record<MemberRole, number> = { member: 0, organizer: 1, chair: 2 };

/**
 * Whether someone allowed `alliance.members.manage` may move a member from `from` to `to` (or remove
 * them, `to` = null). Chairs and admins may do anything; organizers manage members and organizers but
 * neither touch a chair nor appoint one. The last-chair rule is separate (`lastChairBlocks`), because
 * it depends on the other members, not on who asks.
 */
export function canManageMember(actor: AllianceRole, from: MemberRole, to: MemberRole | null): boolean {
  if (!canInAlliance(actor, "alliance.members.manage")) return false;
  if (actor === "chair" || actor === "admin") return true;
  return rank[from] < rank.chair && (to === null || rank[to] < rank.chair);
}

/** An alliance always keeps a chair: the only one can neither leave, be removed, nor step down. */
export function lastChairBlocks(target: MemberRole, to: MemberRole | null, activeChairs: number): boolean {
  return target === "chair" && to !== "chair" && activeChairs <= 1;
}

/** A member's email in the directory: fellow members see it unless hidden; organizers always do. */
export function canSeeEmail(role: AllianceRole, hiddenByOwner: boolean): boolean {
  if (!canInAlliance(role, "alliance.members.seeEmail")) return false;
  return !hiddenByOwner || canInAlliance(role, "alliance.members.manage");
}

export type ProblemAccess = { visibility: "public" | "alliance"; allianceId: string | null };

/**
 * Alliance-only problems are for the active members of that alliance and platform admins; everyone
 * else is told they do not exist (404), on the board, in search and at their address. `activeAllianceIds`
 * are the alliances the viewer is an active member of.
 */
export function canSeeProblem(
  viewer: Viewer,
  activeAllianceIds: ReadonlySet<string>,
  problem: ProblemAccess,
): boolean {
  if (problem.visibility === "public") return true;
  if (platformRole(viewer) === "admin") return true;
  return problem.allianceId !== null && activeAllianceIds.has(problem.allianceId);
}

/** The poster runs their problem; whoever may moderate it (organizers of its alliance, operators) may step in. */
export function canManageProblem(viewer: Viewer, role: AllianceRole, problem: { authorId: string }): boolean {
  if (!can(viewer, "problem.manage")) return false;
  return viewer?.id === problem.authorId || canInAlliance(role, "problem.moderate");
}

export type ApplicationWindow = {
  authorId: string;
  status: "open" | "in_progress" | "solved" | "closed";
  deadline: Date | null;
};

/** Applications are taken while a problem is open and its deadline has not passed; never from its poster. */
export function canApply(viewer: Viewer, problem: ApplicationWindow, now: Date): boolean {
  if (!can(viewer, "problem.apply") || viewer?.id === problem.authorId) return false;
  return problem.status === "open" && (problem.deadline === null || problem.deadline > now);
}

export type EventAccess = {
  visibility: "public" | "alliance";
  status: "draft" | "published" | "cancelled";
  /** The host and co-host alliances. */
  allianceIds: readonly string[];
};

/**
 * Published public events are for everyone; alliance-only ones for active members of a host or co-host
 * alliance. Drafts exist only for whoever may manage the event (`manage`: `event.manage` in the host
 * alliance). Everyone else is told the event does not exist (404), as for problems.
 */
export function canSeeEvent(
  viewer: Viewer,
  activeAllianceIds: ReadonlySet<string>,
  event: EventAccess,
  manage: boolean,
): boolean {
  if (manage || platformRole(viewer) === "admin") return true;
  if (event.status === "draft") return false;
  if (event.visibility === "public") return true;
  return event.allianceIds.some((id) => activeAllianceIds.has(id));
}

export type ChannelAccess = {
  kind: "general" | "open" | "private";
  archivedAt: Date | null;
};

/**
 * Members read their alliance's general and open channels; a private channel only the people invited
 * (`invited`: a channel_members row) and platform operators, who answer reports. Everyone else is told
 * the channel does not exist (404, and its topic refused as missing).
 */
export function canSeeChannel(role: AllianceRole, channel: ChannelAccess, invited: boolean): boolean {
  if (!canInAlliance(role, "channel.read")) return false;
  return channel.kind !== "private" || invited || role === "admin";
}

/** Posting needs what reading needs, in a channel that is not archived. */
export function canPostInChannel(role: AllianceRole, channel: ChannelAccess, invited: boolean): boolean {
  return (
    canInAlliance(role, "channel.post") &&
    canSeeChannel(role, channel, invited) &&
    channel.archivedAt === null
  );
}

export type ResourceAccess = { visibility: "public" | "alliance"; allianceIds: readonly string[] };

/**
 * Public resources are for everyone; alliance-only ones for active members of an alliance they are
 * shared with, the providing organization's representatives (`manage`) and platform admins. Everyone else
 * is told they do not exist (404, not in the catalogue, search or matches), as for problems.
 */
export function canSeeResource(
  viewer: Viewer,
  activeAllianceIds: ReadonlySet<string>,
  resource: ResourceAccess,
  manage: boolean,
): boolean {
  if (manage || resource.visibility === "public" || platformRole(viewer) === "admin") return true;
  return resource.allianceIds.some((id) => activeAllianceIds.has(id));
}

/**
 * An inquiry is between the asker and the provider (`manage` on its resource); organizers see counts
 * only, and platform admins no more than they do.
 */
export function canReadInquiry(viewer: Viewer, inquiry: { askerId: string }, manage: boolean): boolean {
  if (!can(viewer, "inquiry.watch")) return false;
  return viewer?.id === inquiry.askerId || manage;
}
