import { describe, expect, it } from "vitest";
import { detectLocale, fromAcceptLanguage } from "~/i18n/detect";
import { dictionaries } from "~/i18n/dictionary";
import { translate } from "~/i18n/translate";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  const zh = dictionaries["zh-CN"];
  const en = dictionaries.en;

  it("have exactly the same keys in both languages", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it("have no empty or blank messages", () => {
    for (const [locale, messages] of Object.entries(dictionaries)) {
      for (const [key, text] of Object.entries(messages))
        expect(text.trim(), `${locale} ${key}`).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(zh)) expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
  });
});

describe("fromAcceptLanguage", () => {
  it.each([
    [undefined, "zh-CN"],
    ["", "zh-CN"],
    ["en", "en"],
    ["en-US,en;q=0.9", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh-Hant-HK", "zh-CN"],
    ["fr", "zh-CN"],
    ["fr-FR, de;q=0.9", "zh-CN"],
    ["fr, en;q=0.5", "en"],
    ["zh;q=0.4, en;q=0.8", "en"],
    ["en;q=0.8, zh", "zh-CN"],
    ["en;q=0, zh-CN;q=0.1", "zh-CN"],
    ["en;q=0", "zh-CN"],
    ["EN-gb", "en"],
    ["*", "zh-CN"],
  ])("%j → %s", (header, expected) => {
    expect(fromAcceptLanguage(header)).toBe(expected);
  });
});

describe("detectLocale", () => {
  it("lets the language cookie beat Accept-Language", () => {
    expect(
      detectLocale(new Headers({ cookie: "a=1; qilian_lang=en; b=2", "accept-language": "zh-CN" })),
    ).toBe("en");
    expect(detectLocale(new Headers({ cookie: "qilian_lang=zh-CN", "accept-language": "en" }))).toBe("zh-CN");
  });

  it("ignores a cookie naming an unknown language, and other cookies", () => {
    expect(detectLocale(new Headers({ cookie: "qilian_lang=fr", "accept-language": "en" }))).toBe("en");
    expect(detectLocale(new Headers({ cookie: "not_qilian_lang=en" }))).toBe("zh-CN");
  });

  it("reads Node-style header records too (the socket handshake)", () => {
    expect(detectLocale({ "accept-language": "en-US" })).toBe("en");
    expect(detectLocale({ cookie: ["qilian_lang=en"], "accept-language": "zh" })).toBe("en");
  });

  it("falls back to zh-CN with no hints", () => {
    expect(detectLocale(new Headers())).toBe("zh-CN");
  });
});

describe("translate", () => {
  it("fills placeholders in either language", () => {
    expect(translate("en", "nav.signedInAs", { name: "Li Na" })).toBe("Signed in as Li Na");
    expect(translate("zh-CN", "nav.signedInAs", { name: "李娜" })).toBe("当前登录：李娜");
    expect(translate("en", "home.live.joinedFrom", { name: "Li", organization: "TJU" })).toBe(
      "Li (TJU) joined Qilian",
    );
    expect(translate("zh-CN", "home.chains.nodes", { count: 4 })).toBe("4 个环节");
  });

  it("leaves an unfilled placeholder visible rather than inventing a value", () => {
    expect(translate("en", "nav.signedInAs")).toBe("Signed in as {name}");
    expect(translate("en", "nav.signedInAs", { other: "x" })).toBe("Signed in as {name}");
  });

  it("does not treat replacement patterns in values specially", () => {
    expect(translate("en", "nav.signedInAs", { name: "$& $1" })).toBe("Signed in as $& $1");
  });
});
