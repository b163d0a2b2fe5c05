import { describe, expect, it } from "vitest";
import { checkFileName, contentDisposition, withExtension } from "~/files/file-name.server";
import { MultipartError, multipartBoundary, readMultipart, type PartHeaders } from "~/files/multipart.server";
import { sniff } from "~/files/sniff.server";
import { docm, docx, lyingZip, overlappingZip, pdf, png, zip, zipBomb } from "../setup/files";

describe("attachment file names", () => {
  it("keeps ordinary names, Chinese included, normalized", () => {
    expect(checkFileName("试验报告 v2.pdf")).toEqual({ ok: true, name: "试验报告 v2.pdf" });
    expect(checkFileName("  spaced.txt ")).toEqual({ ok: true, name: "spaced.txt" });
    expect(checkFileName("e\u0301.txt")).toEqual({ ok: true, name: "\u00e9.txt" });
    expect(checkFileName("..hidden..name.pdf")).toEqual({ ok: true, name: "..hidden..name.pdf" });
  });

  it.each([
    ["../../etc/passwd", "namePath"],
    ["..\\..\\boot.ini", "namePath"],
    ["dir/report.pdf", "namePath"],
    ["..", "namePath"],
    [".", "namePath"],
    ["report\u0000.pdf.exe", "nameControl"],
    ["line\nbreak.pdf", "nameControl"],
    ["bell\u0007.pdf", "nameControl"],
    ["c1\u0085.pdf", "nameControl"],
    ["invoice\u202Efdp.exe", "nameBidi"],
    ["a\u202Ab.pdf", "nameBidi"],
    ["a\u2066b\u2069.pdf", "nameBidi"],
    ["a\u200Fb.pdf", "nameBidi"],
    ["   ", "nameEmpty"],
    [`${"长".repeat(201)}.pdf`, "nameTooLong"],
  ])("refuses %j (%s)", (name, error) => {
    expect(checkFileName(name)).toEqual({ ok: false, error });
  });

  it("adds the extension the content calls for when the name's does not fit", () => {
    expect(withExtension("report.PDF", ["pdf"])).toBe("report.PDF");
    expect(withExtension("photo.jpeg", ["jpg", "jpeg"])).toBe("photo.jpeg");
    expect(withExtension("run.sh", ["txt", "md"])).toBe("run.sh.txt");
    expect(withExtension("setup.exe", ["pdf"])).toBe("setup.exe.pdf");
    expect(withExtension("README", ["txt"])).toBe("README.txt");
  });

  it("writes Content-Disposition as an attachment with an ASCII fallback and an RFC 5987 name", () => {
    expect(contentDisposition("report.pdf")).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    const header = contentDisposition('试验"报告"; x=1 (final)\'s 100%.pdf');
    expect(header).toBe(
      `attachment; filename="_______ x=1 (final)'s 100_.pdf"; ` +
        `filename*=UTF-8''%E8%AF%95%E9%AA%8C%22%E6%8A%A5%E5%91%8A%22%3B%20x%3D1%20%28final%29%27s%20100%25.pdf`,
    );
    // Nothing in the header can end it early or start another parameter.
    expect(header.split(";")).toHaveLength(3);
    expect(header).not.toMatch(/[\r\n]/);
  });
});

describe("sniffing by content", () => {
  const ok = async (bytes: Buffer, name: string) => {
    const result = await sniff(bytes, name);
    expect(result.ok).toBe(true);
    return result.ok ? result.type.mime : "";
  };
  const refused = async (bytes: Buffer, name = "file.pdf") => {
    const result = await sniff(bytes, name);
    return result.ok ? `accepted as ${result.type.mime}` : result.error;
  };

  it("accepts the allow-list, whatever the name says", async () => {
    expect(await ok(pdf(), "x.exe")).toBe("application/pdf");
    expect(await ok(png(), "x.pdf")).toBe("image/png");
    expect(await ok(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "x")).toBe("image/jpeg");
    expect(await ok(Buffer.from("GIF89a\x01\x00\x01\x00", "latin1"), "x")).toBe("image/gif");
    expect(await ok(Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 ", "latin1"), "x")).toBe("image/webp");
    expect(await ok(docx(), "x.docx")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(await ok(Buffer.from("\uFEFF零件,数量\n柔轮,3\n"), "parts.csv")).toBe("text/csv");
    expect(await ok(Buffer.from("试验记录：\t正常\r\n"), "notes.txt")).toBe("text/plain");
    expect(await ok(Buffer.from("1 < 2 and <b> is bold in HTML\n"), "notes.md")).toBe("text/plain");
  });

  it("recognizes Excel and PowerPoint by their parts", async () => {
    const office = (part: string) =>
      zip([
        { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
        { name: part, data: Buffer.from("<x/>") },
      ]);
    expect(await ok(office("xl/workbook.xml"), "a")).toMatch(/spreadsheetml/);
    expect(await ok(office("ppt/presentation.xml"), "a")).toMatch(/presentationml/);
  });

  it("refuses executables, archives and binary data as the wrong type", async () => {
    expect(await refused(Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"))).toBe("type");
    expect(await refused(Buffer.from("\x7fELF\x02\x01\x01\x00", "latin1"))).toBe("type");
    expect(await refused(Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]))).toBe("type");
    expect(await refused(zip([{ name: "evil.exe", data: Buffer.from("MZ") }]))).toBe("type");
    expect(await refused(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toBe("type");
    expect(await refused(Buffer.from([0xc3, 0x28]))).toBe("type");
    expect(await refused(Buffer.from([0x25, 0x50, 0x44, 0x00, 0x01]))).toBe("type");
    expect(await refused(Buffer.alloc(0))).toBe("empty");
  });

  it("refuses SVG, plain or hidden behind a prolog, and compressed", async () => {
    expect(
      await refused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    ).toBe("svg");
    expect(
      await refused(
        Buffer.from('<?xml version="1.0"?>\n<!-- drawn -->\n<!DOCTYPE svg>\n<SVG onload="alert(1)"></SVG>'),
        "logo.png",
      ),
    ).toBe("svg");
    expect(await refused(Buffer.from([0x1f, 0x8b, 8, 0]), "logo.svgz")).toBe("svg");
  });

  it("refuses HTML and other markup a browser would render", async () => {
    expect(await refused(Buffer.from("<!DOCTYPE html><p>hi"))).toBe("html");
    expect(await refused(Buffer.from("\n  <html><script>alert(1)</script>"))).toBe("html");
    expect(await refused(Buffer.from("<script>alert(1)</script>"))).toBe("html");
    expect(await refused(Buffer.from("\uFEFF<iframe src=x>"))).toBe("html");
    expect(await refused(Buffer.from('<?xml version="1.0"?><x/>'))).toBe("html");
  });

  it("refuses zip bombs: a huge ratio, sizes that lie, and entries that share bytes", async () => {
    expect(await refused(zipBomb())).toBe("zipBomb");
    expect(await refused(lyingZip())).toBe("zipBomb");
    expect(await refused(overlappingZip())).toBe("zipBomb");
  });

  it("refuses macro-enabled Office files", async () => {
    expect(await refused(docm(), "x.docx")).toBe("macro");
  });

  it("refuses a truncated archive as the wrong type, not with an exception", async () => {
    const whole = docx();
    expect(await refused(whole.subarray(0, whole.length - 30))).toBe("type");
    expect(await refused(whole.subarray(0, 40))).toBe("type");
  });
});

describe("multipart reading", () => {
  const boundary = "----qilianTestBoundary7MA4YWxk";
  const body = (parts: string[]) =>
    Buffer.from(parts.map((p) => `--${boundary}\r\n${p}\r\n`).join("") + `--${boundary}--\r\n`);
  const streamOf = (bytes: Buffer, chunk: number) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += chunk)
          controller.enqueue(new Uint8Array(bytes.subarray(i, i + chunk)));
        controller.close();
      },
    });
  const read = async (bytes: Buffer, chunk = 1 << 16, max = 1 << 20) => {
    const parts: { headers: PartHeaders; data: string }[] = [];
    await readMultipart(streamOf(bytes, chunk), boundary, max, (headers) => {
      const chunks: Buffer[] = [];
      return {
        write: (c) => void chunks.push(Buffer.from(c)),
        end: () => void parts.push({ headers, data: Buffer.concat(chunks).toString() }),
      };
    });
    return parts;
  };
  const sample = body([
    'Content-Disposition: form-data; name="intent"\r\n\r\nupload',
    'Content-Disposition: form-data; name="file"; filename="../a;b=\\"c\\".txt"\r\nContent-Type: text/plain\r\n\r\nline 1\r\n--not-the-boundary\r\nline 2',
  ]);

  it("reads fields and files with names exactly as sent, however the body is chunked", async () => {
    for (const chunk of [1, 2, 7, 64, 1 << 16]) {
      const parts = await read(sample, chunk);
      expect(parts).toEqual([
        { headers: { name: "intent", filename: undefined, contentType: undefined }, data: "upload" },
        {
          headers: { name: "file", filename: '../a;b="c".txt', contentType: "text/plain" },
          data: "line 1\r\n--not-the-boundary\r\nline 2",
        },
      ]);
    }
  });

  it("prefers the RFC 5987 filename*", async () => {
    const parts = await read(
      body([
        `Content-Disposition: form-data; name="file"; filename="x.txt"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.txt\r\n\r\nhi`,
      ]),
    );
    expect(parts[0].headers.filename).toBe("报告.txt");
  });

  it("stops past the size cap and refuses malformed bodies", async () => {
    await expect(read(sample, 16, 100)).rejects.toEqual(new MultipartError("tooLarge"));
    await expect(read(sample.subarray(0, sample.length - 10))).rejects.toEqual(
      new MultipartError("malformed"),
    );
    await expect(read(body(["no headers here"]))).rejects.toEqual(new MultipartError("malformed"));
    await expect(read(body(['Content-Disposition: attachment; name="x"\r\n\r\nv']))).rejects.toEqual(
      new MultipartError("malformed"),
    );
    await expect(read(Buffer.from(`--${boundary}\r\n${"X".repeat(20_000)}`))).rejects.toEqual(
      new MultipartError("malformed"),
    );
  });

  it("finds the boundary of multipart requests only", () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${boundary}`)).toBe(boundary);
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("application/x-www-form-urlencoded")).toBeNull();
    expect(multipartBoundary("multipart/form-data")).toBeNull();
  });
});
