import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";
import { insertAlliance, insertChain, insertJoined, insertUser } from "../setup/shell-fixtures";

describe("home page", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  let actorId = "";

  beforeAll(async () => {
    const { db } = database;
    // Listed downstream first: only the edges say that the CPU comes first.
    const itChain = await insertChain(db, {
      nameZh: "自主可控信息系统",
      nameEn: "Independent Information Systems",
      position: 1,
      nodes: [
        { nameZh: "整机", nameEn: "Complete machine", upstream: ["Database", "Middleware"] },
        { nameZh: "数据库", nameEn: "Database", upstream: ["Operating system"] },
        { nameZh: "中间件", nameEn: "Middleware", upstream: ["Operating system"] },
        { nameZh: "操作系统", nameEn: "Operating system", upstream: ["CPU chip"] },
        { nameZh: "处理器芯片", nameEn: "CPU chip" },
      ],
    });
    const robotChain = await insertChain(db, {
      nameZh: "工业机器人",
      nameEn: "Industrial Robots",
      position: 2,
      nodes: [
        { nameZh: "减速器", nameEn: "Reducer" },
        { nameZh: "机器人本体", nameEn: "Robot body", upstream: ["Reducer"] },
      ],
    });
    await insertAlliance(db, {
      nameZh: "人工智能产业联盟",
      nameEn: "AI Industry Alliance",
      descriptionZh: "汇聚人工智能企业与高校。",
      descriptionEn: "Gathers AI firms and universities.",
      chainIds: [itChain, robotChain],
    });
    await insertAlliance(db, { nameZh: "已解散的联盟", nameEn: "Dissolved Alliance", archived: true });
    actorId = await insertUser(db, "王晓明");
    await insertJoined(
      db,
      {
        displayName: "王晓明",
        organization: { slug: "tju", nameZh: "天津大学", nameEn: "Tianjin University" },
      },
      actorId,
    );
  });

  const page = async (headers: Record<string, string> = {}) => {
    const res = await server.fetch("/", { headers });
    expect(res.status).toBe(200);
    return res.text();
  };

  const inOrder = (html: string, words: string[]) => {
    const positions = words.map((word) => html.indexOf(`>${word}<`));
    expect(
      positions.every((p) => p >= 0),
      `all of ${words.join(", ")} shown`,
    ).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  };

  it("is in Chinese by default, with the alliances, the chains upstream → downstream and who joined", async () => {
    const html = await page();
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain("人工智能产业联盟");
    expect(html).toContain("汇聚人工智能企业与高校。");
    // The other language's name is shown small, marked with its language.
    expect(html).toMatch(/lang="en"[^>]*>AI Industry Alliance</);
    inOrder(html, ["处理器芯片", "操作系统", "数据库", "整机"]);
    inOrder(html, ["中间件", "整机"]);
    inOrder(html, ["减速器", "机器人本体"]);
    inOrder(html, ["自主可控信息系统", "工业机器人"]);
    expect(html).toContain("王晓明（天津大学）加入了七链");
  });

  it("leaves archived alliances out and never sends user ids", async () => {
    const html = await page();
    expect(html).not.toContain("已解散的联盟");
    expect(html).not.toContain(actorId);
  });

  it("is in English for an English Accept-Language", async () => {
    const html = await page({ "accept-language": "en-GB,en;q=0.9,zh;q=0.5" });
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("Gathers AI firms and universities.");
    expect(html).toMatch(/lang="zh-CN"[^>]*>人工智能产业联盟</);
    inOrder(html, ["CPU chip", "Operating system", "Database", "Complete machine"]);
    expect(html).toContain("王晓明 (Tianjin University) joined Qilian");
    expect(html).toContain(">Alliances<");
  });

  it("follows the language cookie over Accept-Language", async () => {
    const english = await page({ cookie: "qilian_lang=en", "accept-language": "zh-CN" });
    expect(english).toContain('<html lang="en"');
    expect(english).toContain("The seven alliances");
    const chinese = await page({ cookie: "qilian_lang=zh-CN", "accept-language": "en" });
    expect(chinese).toContain('<html lang="zh-CN"');
    expect(chinese).toContain("七大产业联盟");
  });

  it("shows the counts of alliances, organizations and members", async () => {
    const html = await page({ "accept-language": "en" });
    expect(html).toMatch(/<dd[^>]*>1<\/dd>/); // one active alliance, one member
    expect(html).toMatch(/<dd[^>]*>0<\/dd>/); // no organizations
  });
});
