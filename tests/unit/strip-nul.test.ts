import { describe, expect, it } from "vitest";
import { stripNul, withoutNul } from "~/utils/strip-nul.server";

describe("NUL bytes in rendered pages", () => {
  it("drops every NUL and keeps the other bytes, multi-byte characters included", () => {
    const text = Buffer.from("有效天数", "utf8");
    const broken = Buffer.concat([text.subarray(0, 9), Buffer.from([0, 0]), text.subarray(9)]);
    expect(withoutNul(broken).toString("utf8")).toBe("有效天数");
    expect(withoutNul(Buffer.from([0, 0])).length).toBe(0);
  });

  it("passes chunks through the stream unchanged when they hold no NUL", async () => {
    const stream = stripNul();
    const out: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => out.push(chunk));
    stream.write(Buffer.from("<p>产业", "utf8"));
    stream.write(Buffer.from([0xe9, 0x93, 0xbe, 0, 0]));
    stream.end(Buffer.from("</p>", "utf8"));
    await new Promise((resolve) => stream.on("end", resolve));
    expect(Buffer.concat(out).toString("utf8")).toBe("<p>产业链</p>");
  });
});
