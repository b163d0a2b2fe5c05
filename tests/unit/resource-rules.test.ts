import { describe, expect, it } from "vitest";
import {
  addMonths,
  chinaDay,
  isDay,
  isExpired,
  resourceManageSchema,
  resourceSchema,
} from "~/validation/resource";

const UUID = "6f1c7c9e-2b7a-4b53-9a55-0a3f4c1d2e3f";
const OTHER = "0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";

const valid = {
  kind: "service",
  title: "五轴加工中心对外开放机时",
  description: "可加工铝合金与钛合金零件。",
  orgId: UUID,
  nodeIds: [UUID],
  tags: "机加工，五轴、钛合金",
  visibility: "public",
  allianceIds: [],
  terms: "paid",
  modes: ["rental"],
  termsNote: "",
  contactUserId: "user-1",
  expiresOn: "2026-03-01",
};

const errorsOf = (result: ReturnType<ReturnType<typeof resourceSchema>["safeParse"]>) =>
  result.success ? {} : result.error.flatten().fieldErrors;

describe("resource expiry days", () => {
  it("counts today in China time, whatever the server's zone", () => {
    expect(chinaDay(new Date("2025-01-31T16:30:00Z"))).toBe("2025-02-01");
    expect(chinaDay(new Date("2025-01-31T15:59:59Z"))).toBe("2025-01-31");
  });

  it("adds months, keeping the day or the month's last", () => {
    expect(addMonths("2025-03-15", 12)).toBe("2026-03-15");
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
  });

  it("tells real days from look-alikes", () => {
    expect(isDay("2025-02-28")).toBe(true);
    expect(isDay("2025-02-30")).toBe(false);
    expect(isDay("2025-2-3")).toBe(false);
    expect(isDay("tomorrow")).toBe(false);
  });

  it("is expired only after its day has passed", () => {
    expect(isExpired("2025-05-01", "2025-05-01")).toBe(false);
    expect(isExpired("2025-05-01", "2025-05-02")).toBe(true);
  });
});

describe("the sharing form's schema", () => {
  const today = "2025-06-01";

  it("accepts a complete form, splitting tags and removing repeats", () => {
    const result = resourceSchema(null, today).safeParse({
      ...valid,
      nodeIds: [UUID, UUID],
      modes: ["rental", "rental", "purchase"],
    });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.tags).toEqual(["机加工", "五轴", "钛合金"]);
    expect(result.data.nodeIds).toEqual([UUID]);
    expect(result.data.modes).toEqual(["rental", "purchase"]);
  });

  it("names each bad field", () => {
    const errors = errorsOf(
      resourceSchema(null, today).safeParse({
        ...valid,
        kind: "weapon",
        title: "短",
        description: "   ",
        nodeIds: [],
        terms: "barter",
        modes: ["gift"],
        expiresOn: "2025-02-30",
      }),
    );
    expect(errors).toMatchObject({
      kind: ["resource.error.kindInvalid"],
      title: ["resource.error.titleTooShort"],
      description: ["resource.error.descriptionRequired"],
      nodeIds: ["resource.error.nodesRequired"],
      terms: ["resource.error.termsInvalid"],
      modes: ["resource.error.modesInvalid"],
      expiresOn: expect.arrayContaining(["resource.error.expiryInvalid"]),
    });
  });

  it("asks for alliances when members-only, and refuses malformed ones", () => {
    expect(errorsOf(resourceSchema(null, today).safeParse({ ...valid, visibility: "alliance" }))).toEqual({
      allianceIds: ["resource.error.alliancesRequired"],
    });
    expect(
      errorsOf(resourceSchema(null, today).safeParse({ ...valid, allianceIds: [OTHER, "1 or 1=1"] })),
    ).toEqual({ allianceIds: ["resource.error.alliancesInvalid"] });
  });

  it("wants an expiry after today and within three years", () => {
    const at = (expiresOn: string, kept: string | null = null) =>
      errorsOf(resourceSchema(kept, today).safeParse({ ...valid, expiresOn })).expiresOn;
    expect(at("2025-06-01")).toEqual(["resource.error.expiryPast"]);
    expect(at("2025-06-02")).toBeUndefined();
    expect(at("2028-06-01")).toBeUndefined();
    expect(at("2028-06-02")).toEqual(["resource.error.expiryTooFar"]);
    // An edit may keep the day it has though passed, but not move to another past day.
    expect(at("2025-01-01", "2025-01-01")).toBeUndefined();
    expect(at("2025-01-02", "2025-01-01")).toEqual(["resource.error.expiryPast"]);
  });
});

describe("the owner's buttons", () => {
  it("confirms for one of the offered periods only", () => {
    expect(resourceManageSchema.safeParse({ intent: "confirm", months: "6" }).success).toBe(true);
    expect(resourceManageSchema.safeParse({ intent: "confirm", months: "120" }).success).toBe(false);
    expect(resourceManageSchema.safeParse({ intent: "withdraw" }).success).toBe(true);
    expect(resourceManageSchema.safeParse({ intent: "delete" }).success).toBe(false);
  });
});
