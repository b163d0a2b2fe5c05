import { describe, expect, it } from "vitest";
import { CHECK_IN_ALPHABET, CHECK_IN_LENGTH, newCheckInCode } from "~/models/check-in-code.server";
import { seatsLeft, windowState, type RegistrationWindow } from "~/models/event-registration-rules";

describe("check-in codes", () => {
  it("use only characters nobody misreads", () => {
    for (const confusable of ["0", "O", "1", "I", "L"]) expect(CHECK_IN_ALPHABET).not.toContain(confusable);
    expect(new Set(CHECK_IN_ALPHABET).size).toBe(CHECK_IN_ALPHABET.length);
  });

  it("are six characters drawn from the alphabet, each position from the whole of it", () => {
    expect(CHECK_IN_LENGTH).toBe(6);
    for (let i = 0; i < 200; i++) expect(newCheckInCode()).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(newCheckInCode(() => 0)).toBe("222222");
    expect(newCheckInCode((max) => max - 1)).toBe("ZZZZZZ");
    const bounds: number[] = [];
    newCheckInCode((max) => (bounds.push(max), 0));
    expect(bounds).toEqual(Array(6).fill(CHECK_IN_ALPHABET.length));
  });
});

describe("registration window", () => {
  const now = new Date("2026-06-01T08:00:00Z");
  const at = (iso: string) => new Date(iso);
  const base: RegistrationWindow = {
    eventStatus: "published",
    occurrenceStatus: "scheduled",
    startsAt: at("2026-06-02T08:00:00Z"),
    registrationOpensAt: null,
    registrationClosesAt: null,
  };

  it("is open for a published, scheduled occurrence until it starts", () => {
    expect(windowState(base, now)).toBe("open");
    expect(windowState({ ...base, startsAt: at("2026-06-01T08:00:00Z") }, now)).toBe("started");
  });

  it("opens and closes at the organizer's times; closing defaults to the start", () => {
    expect(windowState({ ...base, registrationOpensAt: at("2026-06-01T09:00:00Z") }, now)).toBe("notOpen");
    expect(windowState({ ...base, registrationOpensAt: now }, now)).toBe("open");
    expect(windowState({ ...base, registrationClosesAt: now }, now)).toBe("closed");
    expect(windowState({ ...base, registrationClosesAt: at("2026-06-01T08:00:01Z") }, now)).toBe("open");
  });

  it("names cancellation and drafts before the clock", () => {
    const past = at("2026-05-01T00:00:00Z");
    expect(windowState({ ...base, occurrenceStatus: "cancelled", startsAt: past }, now)).toBe("cancelled");
    expect(windowState({ ...base, eventStatus: "cancelled" }, now)).toBe("cancelled");
    expect(windowState({ ...base, eventStatus: "draft", startsAt: past }, now)).toBe("notPublished");
  });

  it("counts seats left, never below zero, and none for an unlimited event", () => {
    expect(seatsLeft(50, 12)).toBe(38);
    expect(seatsLeft(10, 12)).toBe(0);
    expect(seatsLeft(null, 12)).toBeNull();
  });
});
