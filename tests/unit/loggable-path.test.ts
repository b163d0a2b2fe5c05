import { describe, expect, it } from "vitest";
import { loggablePath } from "~/server/http.server";

describe("request log paths", () => {
  it("leaves an invitation's token out of the log", () => {
    expect(loggablePath("/invitations/abcDEF123_-xyzabcDEF123")).toBe("/invitations/[token]");
    expect(loggablePath("/invitations/abcDEF123_-xyzabcDEF123/extra")).toBe("/invitations/[token]/extra");
  });

  it("keeps every other path as it is", () => {
    expect(loggablePath("/alliances/robotics/members")).toBe("/alliances/robotics/members");
    expect(loggablePath("/orgs/invitations")).toBe("/orgs/invitations");
  });
});
