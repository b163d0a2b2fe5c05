import { describe, expect, it } from "vitest";
import { attachment, csvCell, toCsv } from "~/utils/csv";

describe("csv", () => {
  it("starts with a BOM, ends lines with CRLF and keeps Chinese intact", () => {
    const text = toCsv(
      ["姓名", "邮箱"],
      [
        ["张三", "a@example.com"],
        ["李四", null],
      ],
    );
    expect(text).toBe("\uFEFF姓名,邮箱\r\n张三,a@example.com\r\n李四,\r\n");
  });

  it("quotes fields with quotes, commas and line breaks", () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvCell(3)).toBe("3");
  });

  it("turns cells that a spreadsheet would run as formulas into text", () => {
    for (const formula of ["=1+1", "+86 10", "-2", "@SUM(A1)", "\tx", "\rx"]) {
      expect(csvCell(formula).replace(/^"/, "")).toMatch(/^'/);
    }
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("a=b")).toBe("a=b");
    // Numbers the app writes itself (waitlist places) are not user text.
    expect(csvCell(-1)).toBe("-1");
  });

  it("names a download in ASCII and in UTF-8", () => {
    expect(attachment("研讨会 报名名单.csv", "registrants.csv")).toBe(
      `attachment; filename="registrants.csv"; filename*=UTF-8''${encodeURIComponent("研讨会 报名名单.csv")}`,
    );
    expect(attachment("a'b.csv", 'a"b.csv')).toBe(
      `attachment; filename="a_b.csv"; filename*=UTF-8''a%27b.csv`,
    );
  });
});
