import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments } from "../../db/schema/index";
import { MAX_FILE_BYTES, MAX_FILES } from "~/files/limits";
import { newStoredName, storedPath, tempPath } from "~/files/storage.server";
import { receiveBytes } from "~/files/upload.server";
import { translate } from "~/i18n/translate";
import { sweepAttachmentFiles } from "~/models/attachment-sweeper.server";
import { saveAttachment } from "~/models/attachments.server";
import { insertProblem } from "~/models/problems.server";
import {
  addMember,
  addRepresentative,
  createAlliance,
  createOrganization,
  createResource,
  createUser,
} from "../factories";
import { useTestDatabase } from "../setup/database";
import { docm, docx, lyingZip, overlappingZip, pdf, png, zipBomb } from "../setup/files";
import { signIn } from "../setup/live";
import { useTestServer } from "../setup/server";

/**
 * Attachments of resources and problems over HTTP: who may upload, delete and download; every refusal
 * with its status and message in both languages; the download's headers; and a file and its row
 * existing together or not at all, including after a failure and a crash (the sweeper).
 */
describe("attachments", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "qilian-attachments-"));
  const filesDir = path.join(dataDir, "files");
  const database = useTestDatabase();
  const server = useTestServer({ DATA_DIR: dataDir });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  type Person = { id: string; cookie: string };
  const people = {} as Record<"provider" | "poster" | "member" | "outsider", Person>;
  let publicResource: string;
  let allianceResource: string;
  let fullResource: string;
  let publicProblem: string;
  let allianceProblem: string;

  beforeAll(async () => {
    const { db } = database;
    const person = async (displayName: string): Promise<Person> => {
      const { user } = await createUser(db, { displayName });
      return { id: user.id, cookie: (await signIn(server.services, user.id)).cookie };
    };
    people.provider = await person("提供方代表");
    people.poster = await person("难题发布人");
    people.member = await person("联盟成员");
    people.outsider = await person("局外人");
    const alliance = await createAlliance(db);
    for (const who of ["poster", "member"] as const)
      await addMember(db, { allianceId: alliance.id, userId: people[who].id });
    const org = await createOrganization(db);
    await addRepresentative(db, { orgId: org.id, userId: people.provider.id, role: "representative" });
    publicResource = (await createResource(db, { orgId: org.id })).id;
    fullResource = (await createResource(db, { orgId: org.id })).id;
    allianceResource = (
      await createResource(db, { orgId: org.id, visibility: "alliance", allianceIds: [alliance.id] })
    ).id;
    const problem = (visibility: "public" | "alliance") =>
      insertProblem(db, {
        authorId: people.poster.id,
        allianceId: alliance.id,
        title: "谐波减速器柔轮疲劳寿命不足",
        body: "正文",
        visibility,
        urgency: "normal",
        nodeIds: [],
        tags: [],
      });
    publicProblem = await problem("public");
    allianceProblem = await problem("alliance");
  });

  const boundary = "----qilianUpload4f2a";
  /** A multipart body with the file name exactly as given (browsers would escape some of it). */
  const multipart = (fileName: string, bytes: Buffer, field = "file") =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName.replace(/"/g, '\\"')}"\r\n` +
          `Content-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
  const upload = (
    where: string,
    who: Person | undefined,
    fileName: string,
    bytes: Buffer,
    options: { lang?: string; body?: Buffer } = {},
  ) =>
    server.fetch(where, {
      method: "POST",
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "accept-language": options.lang ?? "zh-CN",
        ...(who ? { cookie: who.cookie } : {}),
      },
      body: new Uint8Array(options.body ?? multipart(fileName, bytes)),
    });
  const toResource = (id: string) => `/resources/${id}/attachments`;
  const toProblem = (id: string) => `/problems/${id}/attachments`;
  const rowsOf = (column: "resourceId" | "problemId", id: string) =>
    database.db.select().from(attachments).where(eq(attachments[column], id));
  const filesOnDisk = () => ({
    stored: fs.existsSync(filesDir)
      ? fs
          .readdirSync(filesDir)
          .filter((n) => n !== "tmp")
          .sort()
      : [],
    temp: fs.existsSync(path.join(filesDir, "tmp")) ? fs.readdirSync(path.join(filesDir, "tmp")) : [],
  });
  /** Every stored file has a row and every row its file; nothing is left half-written. */
  const expectBothOrNeither = async () => {
    const rows = await database.db.select({ storedName: attachments.storedName }).from(attachments);
    const disk = filesOnDisk();
    expect(disk.temp).toEqual([]);
    expect(disk.stored).toEqual(rows.map((r) => r.storedName).sort());
  };

  it("stores an upload under a random name with its checksum, and serves it back as a download", async () => {
    const bytes = pdf();
    const res = await upload(toResource(publicResource), people.provider, "谐波减速器 试验报告.pdf", bytes);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ ok: true, message: "附件已上传。" });
    const [row] = await rowsOf("resourceId", publicResource);
    expect(row).toMatchObject({
      fileName: "谐波减速器 试验报告.pdf",
      mime: "application/pdf",
      size: bytes.length,
      sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
      uploadedById: people.provider.id,
    });
    expect(row.storedName).toMatch(/^[0-9a-f]{32}$/);
    expect(fs.readFileSync(path.join(filesDir, row.storedName))).toEqual(bytes);
    await expectBothOrNeither();

    // A visitor may download a public resource's file.
    const download = await server.fetch(`/attachments/${row.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="_____ ____.pdf"; filename*=UTF-8''${encodeURIComponent("谐波减速器 试验报告.pdf")}`,
    );
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-security-policy")).toMatch(/(^|, )sandbox; default-src 'none'/);
    expect(download.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });

  it("lists the files on the resource page, with the upload form for its provider only", async () => {
    const asProvider = await (
      await server.fetch(`/resources/${publicResource}`, { headers: { cookie: people.provider.cookie } })
    ).text();
    expect(asProvider).toContain("谐波减速器 试验报告.pdf");
    expect(asProvider).toMatch(/enctype="multipart\/form-data"/i);
    // Before hydration the form posts for a redirect back here, so it works without JavaScript.
    expect(asProvider).toContain(`action="/resources/${publicResource}/attachments?from=page"`);
    const asVisitor = await (await server.fetch(`/resources/${publicResource}`)).text();
    expect(asVisitor).toContain("谐波减速器 试验报告.pdf");
    expect(asVisitor).not.toMatch(/enctype="multipart\/form-data"/i);
  });

  it("names the type by content and adds the fitting extension to a misleading name", async () => {
    const res = await upload(toResource(publicResource), people.provider, "photo.exe", png());
    expect(res.status).toBe(201);
    const rows = await rowsOf("resourceId", publicResource);
    expect(rows.find((r) => r.fileName === "photo.exe.png")?.mime).toBe("image/png");
    const text = await upload(
      toResource(publicResource),
      people.provider,
      "零件清单.csv",
      Buffer.from("零件,数量\n柔轮,3\n"),
    );
    expect(text.status).toBe(201);
    const csv = (await rowsOf("resourceId", publicResource)).find((r) => r.fileName === "零件清单.csv")!;
    const download = await server.fetch(`/attachments/${csv.id}`);
    expect(download.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(await download.text()).toBe("零件,数量\n柔轮,3\n");
    await expectBothOrNeither();
  });

  describe("refusals, each with its status and message in both languages", () => {
    const cases: [string, string, () => Buffer, number, string, string][] = [
      [
        "wrong type by content",
        "report.pdf",
        () => Buffer.from("MZ\x90\x00\x03\x00\x00\x00PE\x00\x00", "latin1"),
        415,
        "不支持这种文件",
        "is not accepted",
      ],
      [
        "SVG with script",
        "logo.svg",
        () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        415,
        "不接受 SVG",
        "SVG images are not accepted",
      ],
      [
        "SVG disguised as PNG",
        "logo.png",
        () => Buffer.from('<?xml version="1.0"?><svg onload="alert(1)"/>'),
        415,
        "不接受 SVG",
        "SVG images are not accepted",
      ],
      [
        "HTML",
        "page.txt",
        () => Buffer.from("<!doctype html><script>alert(document.cookie)</script>"),
        415,
        "不接受 HTML",
        "HTML, XML and other markup",
      ],
      ["zip bomb by ratio", "big.docx", zipBomb, 400, "压缩炸弹", "zip bomb"],
      ["zip bomb with lying sizes", "small.docx", lyingZip, 400, "压缩炸弹", "zip bomb"],
      ["zip bomb with overlapping entries", "parts.docx", overlappingZip, 400, "压缩炸弹", "zip bomb"],
      ["macros", "report.docx", docm, 415, "不接受带宏", "macros are not accepted"],
      ["../ in the name", "../../etc/passwd.pdf", pdf, 400, "不能包含路径", "must not contain a path"],
      ["a backslash path", "..\\..\\boot.pdf", pdf, 400, "不能包含路径", "must not contain a path"],
      ["NUL in the name", "report.pdf\u0000.exe", pdf, 400, "控制字符", "control characters"],
      [
        "right-to-left override",
        "invoice\u202Efdp.exe",
        pdf,
        400,
        "文字方向控制符",
        "right-to-left override",
      ],
      ["a bidi isolate", "a\u2067b.pdf", pdf, 400, "文字方向控制符", "text-direction controls"],
      ["an empty file", "empty.pdf", () => Buffer.alloc(0), 400, "文件是空的", "file is empty"],
    ];
    it.each(cases)("%s", async (_label, name, bytes, status, zh, en) => {
      const before = (await rowsOf("resourceId", publicResource)).length;
      for (const [lang, expected] of [
        ["zh-CN", zh],
        ["en", en],
      ] as const) {
        const res = await upload(toResource(publicResource), people.provider, name, bytes(), { lang });
        expect(res.status).toBe(status);
        const reply = (await res.json()) as { ok: boolean; message: string };
        expect(reply.ok).toBe(false);
        expect(reply.message).toContain(expected);
      }
      expect(await rowsOf("resourceId", publicResource)).toHaveLength(before);
      await expectBothOrNeither();
    });

    it("a file one byte over the limit: 413, read as a stream and cut off", async () => {
      const res = await upload(
        toResource(publicResource),
        people.provider,
        "big.pdf",
        Buffer.alloc(MAX_FILE_BYTES + 1, 0x25),
      );
      expect(res.status).toBe(413);
      expect(((await res.json()) as { message: string }).message).toBe("文件太大：每个文件最大 20 MB。");
      await expectBothOrNeither();
    });

    it("a request declared larger than the limit: 413 before reading it", async () => {
      const res = await upload(
        toResource(publicResource),
        people.provider,
        "big.pdf",
        Buffer.alloc(MAX_FILE_BYTES + 128 * 1024),
        {
          lang: "en",
        },
      );
      expect(res.status).toBe(413);
      expect(((await res.json()) as { message: string }).message).toBe(
        "The file is too large: at most 20 MB per file.",
      );
      await expectBothOrNeither();
    });

    it("no file, two files, malformed and truncated multipart: 400, never 500", async () => {
      const where = toResource(publicResource);
      const noFile = await upload(where, people.provider, "", Buffer.alloc(0));
      expect(noFile.status).toBe(400);
      expect(((await noFile.json()) as { message: string }).message).toBe("请选择要上传的文件。");
      const two = Buffer.concat([
        multipart("a.pdf", pdf()).subarray(0, -`--${boundary}--\r\n`.length),
        multipart("b.pdf", pdf()),
      ]);
      const twice = await upload(where, people.provider, "", Buffer.alloc(0), { body: two });
      expect(twice.status).toBe(400);
      expect(((await twice.json()) as { message: string }).message).toBe("一次只能上传一个文件。");
      const whole = multipart("c.pdf", pdf());
      for (const body of [
        whole.subarray(0, whole.length - 12),
        Buffer.from("not multipart at all"),
        Buffer.from(`--${boundary}\r\nbroken\r\n\r\n`),
      ]) {
        const res = await upload(where, people.provider, "", Buffer.alloc(0), { body });
        expect(res.status).toBe(400);
        expect(((await res.json()) as { message: string }).message).toContain("上传的数据不完整或格式不对");
      }
      const noBoundary = await server.fetch(where, {
        method: "POST",
        headers: { "content-type": "multipart/form-data", cookie: people.provider.cookie },
        body: new Uint8Array(whole),
      });
      expect(noBoundary.status).toBe(400);
      await expectBothOrNeither();
    });

    it(`more than ${MAX_FILES} files on one listing: 409`, async () => {
      for (let i = 0; i < MAX_FILES; i++) {
        expect((await upload(toResource(fullResource), people.provider, `part-${i}.pdf`, pdf())).status).toBe(
          201,
        );
      }
      const res = await upload(toResource(fullResource), people.provider, "one-more.pdf", pdf(), {
        lang: "en",
      });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { message: string }).message).toBe(
        `At most ${MAX_FILES} attachments are allowed: delete one first.`,
      );
      expect(await rowsOf("resourceId", fullResource)).toHaveLength(MAX_FILES);
      await expectBothOrNeither();
    });

    it("without JavaScript: redirected back to the page, which shows the message", async () => {
      const res = await upload(
        `${toResource(publicResource)}?from=page`,
        people.provider,
        "x.svg",
        Buffer.from("<svg/>"),
      );
      expect(res.status).toBe(302);
      const back = res.headers.get("location")!;
      expect(back).toBe(`/resources/${publicResource}?attachmentError=svg#attachments`);
      const page = await (await server.fetch(back, { headers: { cookie: people.provider.cookie } })).text();
      expect(page).toContain(translate("zh-CN", "attachment.error.svg"));
      const ok = await upload(`${toResource(publicResource)}?from=page`, people.provider, "ok.pdf", pdf());
      expect(ok.headers.get("location")).toBe(`/resources/${publicResource}?attachment=uploaded#attachments`);
    });
  });

  describe("who may", () => {
    it("sends visitors to log in, refuses outsiders 403, and hides alliance-only listings (404)", async () => {
      const visitor = await upload(toResource(publicResource), undefined, "a.pdf", pdf());
      expect(visitor.status).toBe(302);
      expect(visitor.headers.get("location")).toBe(
        `/login?redirectTo=${encodeURIComponent(`/resources/${publicResource}`)}`,
      );
      expect((await upload(toResource(publicResource), people.outsider, "a.pdf", pdf())).status).toBe(403);
      // A member may see the alliance resource but is not its provider.
      expect((await upload(toResource(allianceResource), people.member, "a.pdf", pdf())).status).toBe(403);
      expect((await upload(toResource(allianceResource), people.outsider, "a.pdf", pdf())).status).toBe(404);
      expect((await upload(toResource("not-a-uuid"), people.provider, "a.pdf", pdf())).status).toBe(404);
      expect((await upload(toResource(crypto.randomUUID()), people.provider, "a.pdf", pdf())).status).toBe(
        404,
      );
    });

    it("downloads obey the listing's visibility: outsiders and visitors get 404", async () => {
      expect(
        (await upload(toResource(allianceResource), people.provider, "内部资料.pdf", pdf())).status,
      ).toBe(201);
      const [row] = await rowsOf("resourceId", allianceResource);
      const as = (who?: Person) =>
        server.fetch(`/attachments/${row.id}`, { headers: who ? { cookie: who.cookie } : {} });
      expect((await as(people.member)).status).toBe(200);
      expect((await as(people.provider)).status).toBe(200);
      expect((await as(people.outsider)).status).toBe(404);
      expect((await as()).status).toBe(404);
      expect((await server.fetch("/attachments/not-a-uuid")).status).toBe(404);
      expect((await server.fetch(`/attachments/${crypto.randomUUID()}`)).status).toBe(404);
      // Hidden by a moderator: gone for everyone but its provider and moderators.
      await database.db.execute(sql`update resources set hidden_at = now() where id = ${allianceResource}`);
      expect((await as(people.member)).status).toBe(404);
      expect((await as(people.provider)).status).toBe(200);
      await database.db.execute(sql`update resources set hidden_at = null where id = ${allianceResource}`);
    });

    it("deletes: the provider only, the row and the file together", async () => {
      const [row] = await rowsOf("resourceId", allianceResource);
      const remove = (who: Person, where: string, attachmentId: string) =>
        server.fetch(where, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie: who.cookie },
          body: new URLSearchParams({ intent: "delete", attachmentId }),
        });
      expect((await remove(people.member, toResource(allianceResource), row.id)).status).toBe(403);
      // Another listing's id does not reach this one's files.
      expect((await remove(people.provider, toResource(publicResource), row.id)).status).toBe(404);
      const res = await remove(people.provider, toResource(allianceResource), row.id);
      expect(res.status).toBe(200);
      expect(await rowsOf("resourceId", allianceResource)).toEqual([]);
      expect(fs.existsSync(path.join(filesDir, row.storedName))).toBe(false);
      await expectBothOrNeither();
    });
  });

  describe("problem attachments", () => {
    it("the poster uploads; others may not; visibility follows the problem", async () => {
      expect((await upload(toProblem(publicProblem), people.member, "a.pdf", pdf())).status).toBe(403);
      const res = await upload(toProblem(allianceProblem), people.poster, "失效照片.png", png(), {
        lang: "en",
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ ok: true, message: "Attachment uploaded." });
      const [row] = await rowsOf("problemId", allianceProblem);
      expect(row.mime).toBe("image/png");
      const as = (who?: Person) =>
        server.fetch(`/attachments/${row.id}`, { headers: who ? { cookie: who.cookie } : {} });
      expect((await as(people.member)).status).toBe(200);
      expect((await as(people.outsider)).status).toBe(404);
      expect((await as()).status).toBe(404);
      expect((await upload(toProblem(allianceProblem), people.outsider, "a.pdf", pdf())).status).toBe(404);
      const refused = await upload(
        toProblem(publicProblem),
        people.poster,
        "x.html",
        Buffer.from("<html><body>hi"),
      );
      expect(refused.status).toBe(415);
      const page = await (
        await server.fetch(`/problems/${allianceProblem}`, { headers: { cookie: people.member.cookie } })
      ).text();
      expect(page).toContain("失效照片.png");
      expect(page).not.toMatch(/enctype="multipart\/form-data"/i);
      await expectBothOrNeither();
    });
  });

  describe("a file and its row: both or neither", () => {
    it("when the insert fails, the upload leaves no file behind", async () => {
      await database.db.execute(sql`
        create function refuse_boom() returns trigger language plpgsql as $$
        begin
          if new.file_name = 'boom.pdf' then raise exception 'simulated insert failure'; end if;
          return new;
        end $$;
        create trigger attachments_boom before insert on attachments for each row execute function refuse_boom();
      `);
      server.expectErrorLogs(/Failed query: insert into "attachments"/);
      const before = (await rowsOf("resourceId", publicResource)).length;
      const res = await upload(toResource(publicResource), people.provider, "boom.pdf", pdf());
      expect(res.status).toBe(500);
      expect(await rowsOf("resourceId", publicResource)).toHaveLength(before);
      await expectBothOrNeither();
      await database.db.execute(
        sql`drop trigger attachments_boom on attachments; drop function refuse_boom();`,
      );
    });

    it("when moving the file into place fails after the commit, the row is taken back", async () => {
      const storedName = newStoredName();
      const temp = tempPath(dataDir, storedName);
      fs.writeFileSync(temp, pdf());
      // A directory in the way makes the rename fail.
      fs.mkdirSync(path.join(storedPath(dataDir, storedName), "blocker"), { recursive: true });
      const file = {
        storedName,
        tempPath: temp,
        fileName: "x.pdf",
        mime: "application/pdf",
        size: 1,
        sha256: "0",
      };
      await expect(
        saveAttachment(
          { db: database.db, dataDir },
          { kind: "resource", id: publicResource },
          people.provider.id,
          file,
        ),
      ).rejects.toThrow();
      expect(
        await database.db.select().from(attachments).where(eq(attachments.storedName, storedName)),
      ).toEqual([]);
      expect(fs.existsSync(temp)).toBe(false);
      fs.rmSync(storedPath(dataDir, storedName), { recursive: true });
      await expectBothOrNeither();
    });

    it("bytes from a script pass the same checks and land the same way", async () => {
      const store = { db: database.db, dataDir };
      const owner = { kind: "problem", id: publicProblem } as const;
      expect(await receiveBytes(Buffer.from("<svg/>"), "a.svg", dataDir)).toEqual({
        ok: false,
        error: "svg",
      });
      expect(await receiveBytes(pdf(), "a\u202Efdp.exe", dataDir)).toEqual({ ok: false, error: "nameBidi" });
      const received = await receiveBytes(docx(), "攻关方案", dataDir);
      if (!received.ok) throw new Error(received.error);
      expect(received.file.fileName).toBe("攻关方案.docx");
      const saved = await saveAttachment(store, owner, people.poster.id, received.file);
      expect(saved.ok).toBe(true);
      await expectBothOrNeither();
    });

    it("after a crash, the sweeper finishes committed uploads and removes old orphans", async () => {
      const hourAndMore = new Date(Date.now() - 2 * 60 * 60 * 1000);
      // Crashed after the commit, before the rename: row and temp file.
      const committed = newStoredName();
      fs.writeFileSync(tempPath(dataDir, committed), pdf());
      await database.db.insert(attachments).values({
        resourceId: publicResource,
        fileName: "crash.pdf",
        storedName: committed,
        mime: "application/pdf",
        size: pdf().length,
        sha256: crypto.createHash("sha256").update(pdf()).digest("hex"),
      });
      // Crashed before the commit: an old temp file, and one still being written.
      const oldTemp = newStoredName();
      fs.writeFileSync(tempPath(dataDir, oldTemp), "x");
      fs.utimesSync(tempPath(dataDir, oldTemp), hourAndMore, hourAndMore);
      const youngTemp = newStoredName();
      fs.writeFileSync(tempPath(dataDir, youngTemp), "x");
      // A stored file whose row went away (its listing was deleted).
      const orphan = newStoredName();
      fs.writeFileSync(storedPath(dataDir, orphan), "x");
      fs.utimesSync(storedPath(dataDir, orphan), hourAndMore, hourAndMore);

      const result = await sweepAttachmentFiles(database.db, dataDir, new Date());
      expect(result).toEqual({ finished: 1, removed: 2 });
      expect(fs.readFileSync(storedPath(dataDir, committed))).toEqual(pdf());
      expect(fs.existsSync(tempPath(dataDir, oldTemp))).toBe(false);
      expect(fs.existsSync(storedPath(dataDir, orphan))).toBe(false);
      expect(fs.existsSync(tempPath(dataDir, youngTemp))).toBe(true);
      fs.unlinkSync(tempPath(dataDir, youngTemp));
      await expectBothOrNeither();
      const [row] = await database.db.select().from(attachments).where(eq(attachments.storedName, committed));
      expect((await server.fetch(`/attachments/${row.id}`)).status).toBe(200);
    });
  });
});
