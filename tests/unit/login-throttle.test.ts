import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMIT, IP_LIMIT, retryAt, THROTTLE_WINDOW_MS } from "~/models/login-throttle.server";

const minute = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1, 12, 0) + minutes * minute);

describe("login throttle rule", () => {
  it("allows 5 failures per account and 20 per address in 15 minutes", () => {
    expect([ACCOUNT_LIMIT, IP_LIMIT, THROTTLE_WINDOW_MS]).toEqual([5, 20, 15 * minute]);
  });

  it("lets a key try while it is under the limit", () => {
    expect(retryAt([], 5)).toBeNull();
    expect(retryAt([at(0), at(1), at(2), at(3)], 5)).toBeNull();
  });

  it("blocks at the limit until the oldest failure leaves the window", () => {
    expect(retryAt([at(0), at(1), at(2), at(3), at(4)], 5)).toEqual(at(15));
  });

  it("over the limit, waits until enough failures have left the window to go below it", () => {
    // Parallel requests can overshoot: with 7 failures, 3 must expire before a 5-limit key may try.
    expect(retryAt([at(0), at(1), at(2), at(3), at(4), at(5), at(6)], 5)).toEqual(at(17));
  });

  it("uses the window it is given", () => {
    expect(retryAt([at(0), at(10)], 2, 60 * minute)).toEqual(at(60));
  });
});
