import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { dictionaries } from "~/i18n/dictionary";
import { loginSchema, passwordChangeSchema, profileSchema, signupSchema } from "~/validation/auth";

/** Parses fields the way the action does: as a submitted form, where an empty field is missing. */
function parse<S extends Parameters<typeof parseWithZod>[1]["schema"]>(
  schema: S,
  fields: Record<string, string>,
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return parseWithZod(form, { schema });
}

function errorsOf(submission: ReturnType<typeof parse>): Record<string, string[]> {
  if (submission.status === "success") return {};
  return Object.fromEntries(Object.entries(submission.error ?? {}).map(([k, v]) => [k, v ?? []]));
}

const valid = { email: "Someone@Example.com", password: "12345678", displayName: "张三" };

describe("sign-up schema", () => {
  it("accepts a valid form and normalizes the email", () => {
    const submission = parse(signupSchema, { ...valid, email: "  Someone@Example.COM " });
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(submission.value.email).toBe("someone@example.com");
  });

  it.each([
    [7, ["auth.error.passwordTooShort"]],
    [8, undefined],
    [256, undefined],
    [257, ["auth.error.passwordTooLong"]],
  ])("a password of %i characters → %j", (length, expected) => {
    expect(errorsOf(parse(signupSchema, { ...valid, password: "p".repeat(length) })).password).toEqual(
      expected,
    );
  });

  it("counts characters, not bytes: eight Chinese characters are enough", () => {
    expect(parse(signupSchema, { ...valid, password: "一二三四五六七八" }).status).toBe("success");
  });

  it.each([
    ["", "auth.error.emailRequired"],
    ["plainaddress", "auth.error.emailInvalid"],
    ["a@b", "auth.error.emailInvalid"],
    [`${"a".repeat(250)}@example.com`, "auth.error.emailTooLong"],
  ])("the email %j → %s", (email, expected) => {
    expect(errorsOf(parse(signupSchema, { ...valid, email })).email).toContain(expected);
  });

  it.each([
    ["", "auth.error.displayNameRequired"],
    ["   ", "auth.error.displayNameRequired"],
    ["名".repeat(51), "auth.error.displayNameTooLong"],
  ])("the display name %j → %s", (displayName, expected) => {
    expect(errorsOf(parse(signupSchema, { ...valid, displayName })).displayName).toEqual([expected]);
  });

  it("trims the display name and accepts 50 characters", () => {
    const submission = parse(signupSchema, { ...valid, displayName: ` ${"名".repeat(50)} ` });
    expect(submission.status === "success" && submission.value.displayName).toBe("名".repeat(50));
  });

  it("takes either an organization from the list or a new name, not both", () => {
    const id = "5b0f3a5e-8c1f-4d2a-9f3e-2b7c1d0e4a6f";
    expect(parse(signupSchema, { ...valid, organizationId: id }).status).toBe("success");
    expect(parse(signupSchema, { ...valid, organizationName: "海河机器人" }).status).toBe("success");
    expect(
      errorsOf(parse(signupSchema, { ...valid, organizationId: id, organizationName: "海河机器人" })),
    ).toEqual({
      organizationName: ["auth.error.organizationBoth"],
    });
    expect(
      errorsOf(parse(signupSchema, { ...valid, organizationId: "1; drop table" })).organizationId,
    ).toEqual(["auth.error.organizationInvalid"]);
    expect(errorsOf(parse(signupSchema, { ...valid, organizationName: "X" })).organizationName).toEqual([
      "auth.error.organizationNameTooShort",
    ]);
  });
});

describe("log-in schema", () => {
  it("does not hold old passwords to the sign-up minimum, but caps their length", () => {
    expect(parse(loginSchema, { email: "a@example.com", password: "short" }).status).toBe("success");
    expect(
      errorsOf(parse(loginSchema, { email: "a@example.com", password: "p".repeat(257) })).password,
    ).toEqual(["auth.error.passwordTooLong"]);
    expect(errorsOf(parse(loginSchema, { email: "a@example.com", password: "" })).password).toEqual([
      "auth.error.passwordRequired",
    ]);
  });
});

describe("settings schemas", () => {
  it("accepts only the supported languages", () => {
    expect(parse(profileSchema, { displayName: "Ada", locale: "en" }).status).toBe("success");
    expect(errorsOf(parse(profileSchema, { displayName: "Ada", locale: "fr" })).locale).toEqual([
      "auth.error.localeInvalid",
    ]);
  });

  it("needs the new password twice", () => {
    const fields = { currentPassword: "old", newPassword: "new password", confirmPassword: "new password" };
    expect(parse(passwordChangeSchema, fields).status).toBe("success");
    expect(errorsOf(parse(passwordChangeSchema, { ...fields, confirmPassword: "other" }))).toEqual({
      confirmPassword: ["auth.error.confirmMismatch"],
    });
    expect(
      errorsOf(parse(passwordChangeSchema, { ...fields, newPassword: "short", confirmPassword: "short" }))
        .newPassword,
    ).toEqual(["auth.error.passwordTooShort"]);
  });
});

describe("messages", () => {
  it("every error a schema can report is translated in both languages", () => {
    const submissions = [
      parse(signupSchema, {}),
      parse(signupSchema, {
        email: "x",
        password: "1",
        displayName: "n".repeat(99),
        organizationId: "x",
        organizationName: "y",
      }),
      parse(signupSchema, { ...valid, email: `${"a".repeat(250)}@example.com`, password: "p".repeat(300) }),
      parse(signupSchema, {
        ...valid,
        organizationId: "5b0f3a5e-8c1f-4d2a-9f3e-2b7c1d0e4a6f",
        organizationName: "n".repeat(101),
      }),
      parse(signupSchema, {
        ...valid,
        organizationId: "5b0f3a5e-8c1f-4d2a-9f3e-2b7c1d0e4a6f",
        organizationName: "ok name",
      }),
      parse(loginSchema, {}),
      parse(profileSchema, { locale: "xx" }),
      parse(passwordChangeSchema, { currentPassword: "a", newPassword: "12345678", confirmPassword: "x" }),
    ];
    const keys = new Set(submissions.flatMap((s) => Object.values(errorsOf(s)).flat()));
    expect(keys.size).toBeGreaterThan(10);
    for (const key of keys) {
      expect(dictionaries["zh-CN"][key], key).toBeTruthy();
      expect(dictionaries.en[key], key).toBeTruthy();
    }
  });
});
