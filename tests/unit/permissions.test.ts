import { describe, expect, it } from "vitest";
import {
  actions,
  allows,
  can,
  canWatchAlliance,
  canWatchUser,
  isTopicKind,
  policy,
  roleOf,
  roles,
  topicActions,
  type Action,
  type Role,
  type Viewer,
} from "~/utils/permissions.server";

/**
 * The intended matrix, written out by hand: the table in permissions.server.ts must agree cell by cell,
 * and an action added there fails here until someone decides who may do it.
 */
const expected: Record<Action, Role[]> = {
  "platform.read": ["anonymous", "user", "admin"],
  "platform.watch": ["user", "admin"],
  "user.watch": ["user", "admin"],
  "alliance.viewArchived": ["admin"],
  "alliance.watch": ["user", "admin"],
};

const viewers: Record<Role, Viewer> = {
  anonymous: null,
  user: { id: "u1", platformRole: null },
  admin: { id: "a1", platformRole: "admin" },
};

describe("policy table", () => {
  it("has a decision written down for every action", () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
  });

  for (const action of actions) {
    for (const role of roles) {
      const allowed = expected[action]?.includes(role) ?? false;
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(policy[action][role]).toBe(allowed);
        expect(allows(role, action)).toBe(allowed);
        expect(can(viewers[role], action)).toBe(allowed);
      });
    }
  }

  it("derives the role from the viewer", () => {
    for (const role of roles) expect(roleOf(viewers[role])).toBe(role);
  });
});

describe("topic kinds", () => {
  it("maps each subscribable kind to an action of the table", () => {
    for (const action of Object.values(topicActions)) expect(actions).toContain(action);
  });

  it("knows platform, user and alliance topics", () => {
    for (const kind of ["platform", "user", "alliance"]) expect(isTopicKind(kind)).toBe(true);
  });

  it("refuses every other kind, including private rooms and inherited property names", () => {
    for (const kind of [
      "session",
      "channel",
      "problem",
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
    expect(canWatchUser(viewers.user, "u1")).toBe(true);
    expect(canWatchUser(viewers.user, "u2")).toBe(false);
    expect(canWatchUser(viewers.admin, "u1")).toBe(false);
    expect(canWatchUser(viewers.admin, "a1")).toBe(true);
    expect(canWatchUser(viewers.anonymous, "u1")).toBe(false);
  });

  it("lets signed-in users watch an alliance only while it is not archived", () => {
    const open = { archivedAt: null };
    const archived = { archivedAt: new Date("2026-01-01T00:00:00Z") };
    expect(canWatchAlliance(viewers.user, open)).toBe(true);
    expect(canWatchAlliance(viewers.admin, open)).toBe(true);
    expect(canWatchAlliance(viewers.anonymous, open)).toBe(false);
    expect(canWatchAlliance(viewers.user, archived)).toBe(false);
    expect(canWatchAlliance(viewers.admin, archived)).toBe(false);
  });
});
