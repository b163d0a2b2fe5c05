import { describe, expect, it } from "vitest";
import {
  actions,
  allianceRole,
  allows,
  canApply,
  canManageMember,
  canManageProblem,
  canSeeProblem,
  canSeeEmail,
  canPostInChannel,
  canSeeChannel,
  canSeeEvent,
  canWatchAlliance,
  canWatchUser,
  isTopicKind,
  lastChairBlocks,
  orgRole,
  platformRole,
  policy,
  scopeRoles,
  topicActions,
  type Action,
  type Viewer,
} from "~/utils/permissions.server";

/**
 * The intended matrix, written out by hand: the table in permissions.server.ts must agree cell by cell,
 * and an action added there fails here until someone decides who may do it. (The integration matrix in
 * tests/integration/authorization-matrix.test.ts then checks the running server obeys the table.)
 */
const expected: Record<Action, string[]> = {
  "platform.read": ["anonymous", "user", "admin"],
  "platform.watch": ["user", "admin"],
  "user.watch": ["user", "admin"],
  "alliance.create": ["admin"],
  "alliance.viewArchived": ["admin"],
  "alliance.watch": ["user", "pending", "member", "organizer", "chair", "admin"],
  "alliance.join": ["user", "pending", "member", "organizer", "chair", "admin"],
  "alliance.cancelRequest": ["pending"],
  "alliance.leave": ["member", "organizer", "chair", "admin"],
  "alliance.members.list": ["user", "pending", "member", "organizer", "chair", "admin"],
  "alliance.members.seeEmail": ["member", "organizer", "chair", "admin"],
  "alliance.requests.decide": ["organizer", "chair", "admin"],
  "alliance.invite": ["organizer", "chair", "admin"],
  "alliance.members.manage": ["organizer", "chair", "admin"],
  "alliance.audit.view": ["organizer", "chair", "admin"],
  "alliance.edit": ["admin"],
  "alliance.archive": ["admin"],
  "org.create": ["user", "admin"],
  "org.edit": ["orgAdmin", "admin"],
  "org.representatives.manage": ["orgAdmin", "admin"],
  "org.leave": ["representative", "orgAdmin"],
  "org.verify": ["admin"],
  "problem.create": ["user", "admin"],
  "problem.endorse": ["user", "admin"],
  "problem.reply": ["user", "admin"],
  "problem.watch": ["user", "admin"],
  "problem.apply": ["user", "admin"],
  "problem.follow": ["user", "admin"],
  "problem.report": ["user", "admin"],
  "problem.manage": ["user", "admin"],
  "problem.moderate": ["organizer", "chair", "admin"],
  "event.create": ["organizer", "chair", "admin"],
  "event.manage": ["organizer", "chair", "admin"],
  "event.register": ["user", "admin"],
  "event.registrants.view": ["organizer", "chair", "admin"],
  "event.watch": ["user", "admin"],
  "channel.read": ["member", "organizer", "chair", "admin"],
  "channel.post": ["member", "organizer", "chair", "admin"],
  "channel.report": ["member", "organizer", "chair", "admin"],
  "channel.create": ["organizer", "chair", "admin"],
  "channel.manage": ["organizer", "chair", "admin"],
  "channel.moderate": ["organizer", "chair", "admin"],
  "alliance.presence.view": ["member", "organizer", "chair", "admin"],
  "resource.create": ["user", "admin"],
  "resource.manage": ["representative", "orgAdmin", "admin"],
  "resource.inquire": ["user", "admin"],
  "resource.report": ["user", "admin"],
  "resource.moderate": ["organizer", "chair", "admin"],
  "resource.inquiries.count": ["organizer", "chair", "admin"],
  "inquiry.watch": ["user", "admin"],
  "admin.insights.view": ["admin"],
  "admin.moderate": ["admin"],
  "admin.users.manage": ["admin"],
  "admin.audit.view": ["admin"],
  "alliance.insights.view": ["organizer", "chair", "admin"],
  "alliance.reports.review": ["organizer", "chair", "admin"],
};

const user: Viewer = { id: "u1", platformRole: null };
const admin: Viewer = { id: "a1", platformRole: "admin" };

describe("policy table", () => {
  it("has a decision written down for every action", () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
  });

  for (const action of actions) {
    const { scope, allow } = policy[action];
    it(`decides ${action} for exactly the roles of its scope (${scope})`, () => {
      expect(Object.keys(allow).sort()).toEqual([...scopeRoles[scope]].sort());
    });
    for (const role of scopeRoles[scope]) {
      const allowed = expected[action].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(allows(role as never, action)).toBe(allowed);
      });
    }
  }
});

describe("roles", () => {
  it("derives the platform role from the viewer", () => {
    expect(platformRole(null)).toBe("anonymous");
    expect(platformRole(user)).toBe("user");
    expect(platformRole(admin)).toBe("admin");
  });

  it("derives the alliance role from the membership; a platform admin is admin everywhere", () => {
    expect(allianceRole(null, null)).toBe("anonymous");
    expect(allianceRole(user, null)).toBe("user");
    expect(allianceRole(user, { role: "member", status: "pending" })).toBe("pending");
    expect(allianceRole(user, { role: "member", status: "active" })).toBe("member");
    expect(allianceRole(user, { role: "organizer", status: "active" })).toBe("organizer");
    expect(allianceRole(user, { role: "chair", status: "active" })).toBe("chair");
    expect(allianceRole(user, { role: "chair", status: "left" })).toBe("user");
    expect(allianceRole(user, { role: "member", status: "removed" })).toBe("user");
    expect(allianceRole(admin, { role: "member", status: "active" })).toBe("admin");
  });

  it("derives the organization role from the representation", () => {
    expect(orgRole(null, null)).toBe("anonymous");
    expect(orgRole(user, null)).toBe("user");
    expect(orgRole(user, { role: "representative" })).toBe("representative");
    expect(orgRole(user, { role: "admin" })).toBe("orgAdmin");
    expect(orgRole(admin, null)).toBe("admin");
  });
});

describe("topic kinds", () => {
  it("maps each subscribable kind to an action of the table", () => {
    for (const action of Object.values(topicActions)) expect(actions).toContain(action);
  });

  it("knows platform, user, alliance, problem, board, event and channel topics", () => {
    for (const kind of ["platform", "user", "alliance", "problem", "board", "event", "channel"])
      expect(isTopicKind(kind)).toBe(true);
  });

  it("refuses every other kind, including private rooms and inherited property names", () => {
    for (const kind of [
      "session",
      "channels",
      "presence",
      "problems",
      "admin",
      "constructor",
      "__proto__",
      "toString",
      "",
    ]) {
      expect(isTopicKind(kind)).toBe(false);
    }
  });
});

describe("record-level checks", () => {
  it("lets users watch only their own topic; admins get no exception", () => {
    expect(canWatchUser(user, "u1")).toBe(true);
    expect(canWatchUser(user, "u2")).toBe(false);
    expect(canWatchUser(admin, "u1")).toBe(false);
    expect(canWatchUser(admin, "a1")).toBe(true);
    expect(canWatchUser(null, "u1")).toBe(false);
  });

  it("lets signed-in users watch an alliance only while it is not archived", () => {
    const open = { archivedAt: null };
    const archived = { archivedAt: new Date("2026-01-01T00:00:00Z") };
    expect(canWatchAlliance("user", open)).toBe(true);
    expect(canWatchAlliance("admin", open)).toBe(true);
    expect(canWatchAlliance("anonymous", open)).toBe(false);
    expect(canWatchAlliance("member", archived)).toBe(false);
    expect(canWatchAlliance("admin", archived)).toBe(false);
  });

  it("lets organizers manage members and organizers but never a chair", () => {
    expect(canManageMember("organizer", "member", "organizer")).toBe(true);
    expect(canManageMember("organizer", "organizer", "member")).toBe(true);
    expect(canManageMember("organizer", "member", null)).toBe(true);
    expect(canManageMember("organizer", "member", "chair")).toBe(false);
    expect(canManageMember("organizer", "chair", "member")).toBe(false);
    expect(canManageMember("organizer", "chair", null)).toBe(false);
  });

  it("lets chairs and admins make any change, and nobody else any", () => {
    for (const actor of ["chair", "admin"] as const) {
      expect(canManageMember(actor, "member", "chair")).toBe(true);
      expect(canManageMember(actor, "chair", "member")).toBe(true);
      expect(canManageMember(actor, "chair", null)).toBe(true);
    }
    for (const actor of ["anonymous", "user", "pending", "member"] as const) {
      expect(canManageMember(actor, "member", null)).toBe(false);
    }
  });

  it("keeps the last chair", () => {
    expect(lastChairBlocks("chair", "member", 1)).toBe(true);
    expect(lastChairBlocks("chair", null, 1)).toBe(true);
    expect(lastChairBlocks("chair", null, 2)).toBe(false);
    expect(lastChairBlocks("chair", "chair", 1)).toBe(false);
    expect(lastChairBlocks("organizer", null, 1)).toBe(false);
  });
});

describe("problem visibility", () => {
  const mine = new Set(["a1"]);
  it("shows public problems to everyone", () => {
    for (const viewer of [null, user, admin])
      expect(canSeeProblem(viewer, new Set(), { visibility: "public", allianceId: "a1" })).toBe(true);
  });

  it("shows alliance-only problems to that alliance's active members and platform admins only", () => {
    const closed = { visibility: "alliance" as const, allianceId: "a1" };
    expect(canSeeProblem(user, mine, closed)).toBe(true);
    expect(canSeeProblem(admin, new Set(), closed)).toBe(true);
    expect(canSeeProblem(user, new Set(["a2"]), closed)).toBe(false);
    expect(canSeeProblem(null, new Set(), closed)).toBe(false);
    expect(canSeeProblem(user, mine, { visibility: "alliance", allianceId: null })).toBe(false);
  });
});

describe("running a problem", () => {
  const problem = { authorId: "u1" };
  it("lets the poster and the problem's moderators manage it, nobody else", () => {
    expect(canManageProblem(user, "user", problem)).toBe(true);
    expect(canManageProblem(user, "member", problem)).toBe(true);
    const other: Viewer = { id: "u2", platformRole: null };
    expect(canManageProblem(other, "member", problem)).toBe(false);
    expect(canManageProblem(other, "user", problem)).toBe(false);
    for (const role of ["organizer", "chair"] as const)
      expect(canManageProblem(other, role, problem)).toBe(true);
    expect(canManageProblem(admin, "admin", problem)).toBe(true);
    expect(canManageProblem(null, "anonymous", problem)).toBe(false);
  });

  it("takes applications while open and before the deadline, never from the poster", () => {
    const now = new Date("2026-11-29T00:00:00Z");
    const open = { authorId: "a9", status: "open" as const, deadline: null };
    expect(canApply(user, open, now)).toBe(true);
    expect(canApply(null, open, now)).toBe(false);
    expect(canApply(user, { ...open, authorId: "u1" }, now)).toBe(false);
    expect(canApply(user, { ...open, deadline: new Date("2026-11-30T00:00:00Z") }, now)).toBe(true);
    expect(canApply(user, { ...open, deadline: new Date("2026-11-28T23:59:59Z") }, now)).toBe(false);
    for (const status of ["in_progress", "solved", "closed"] as const)
      expect(canApply(user, { ...open, status }, now)).toBe(false);
  });
});

describe("event visibility", () => {
  const published = {
    visibility: "public" as const,
    status: "published" as const,
    allianceIds: ["a1", "a2"],
  };
  it("shows published public events to everyone, drafts only to those who manage them and admins", () => {
    for (const viewer of [null, user, admin])
      expect(canSeeEvent(viewer, new Set(), published, false)).toBe(true);
    const draft = { ...published, status: "draft" as const };
    expect(canSeeEvent(user, new Set(["a1"]), draft, false)).toBe(false);
    expect(canSeeEvent(user, new Set(["a1"]), draft, true)).toBe(true);
    expect(canSeeEvent(admin, new Set(), draft, false)).toBe(true);
  });

  it("shows alliance-only events to active members of a host or co-host alliance", () => {
    const closed = { ...published, visibility: "alliance" as const };
    expect(canSeeEvent(user, new Set(["a2"]), closed, false)).toBe(true);
    expect(canSeeEvent(user, new Set(["a3"]), closed, false)).toBe(false);
    expect(canSeeEvent(null, new Set(), closed, false)).toBe(false);
  });
});

describe("directory emails", () => {
  it("shows fellow members an email unless its owner hid it; organizers, chairs and admins always", () => {
    expect(canSeeEmail("member", false)).toBe(true);
    expect(canSeeEmail("member", true)).toBe(false);
    for (const role of ["organizer", "chair", "admin"] as const) expect(canSeeEmail(role, true)).toBe(true);
    for (const role of ["anonymous", "user", "pending"] as const)
      expect(canSeeEmail(role, false)).toBe(false);
  });
});

describe("channels", () => {
  const open = { kind: "open" as const, archivedAt: null };
  const secret = { kind: "private" as const, archivedAt: null };
  it("lets active members read general and open channels, never outsiders or applicants", () => {
    for (const role of ["member", "organizer", "chair", "admin"] as const)
      expect(canSeeChannel(role, open, false)).toBe(true);
    for (const role of ["anonymous", "user", "pending"] as const) {
      expect(canSeeChannel(role, open, false)).toBe(false);
      expect(canSeeChannel(role, secret, true)).toBe(false);
    }
  });

  it("keeps a private channel to the people invited and operators, organizers included", () => {
    expect(canSeeChannel("member", secret, true)).toBe(true);
    for (const role of ["member", "organizer", "chair"] as const)
      expect(canSeeChannel(role, secret, false)).toBe(false);
    expect(canSeeChannel("admin", secret, false)).toBe(true);
  });

  it("makes an archived channel read-only", () => {
    const archived = { ...open, archivedAt: new Date() };
    expect(canSeeChannel("member", archived, false)).toBe(true);
    expect(canPostInChannel("member", archived, false)).toBe(false);
    expect(canPostInChannel("member", open, false)).toBe(true);
    expect(canPostInChannel("user", open, true)).toBe(false);
  });
});
