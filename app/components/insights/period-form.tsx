import { Form } from "@remix-run/react";
import type { InputHTMLAttributes } from "react";
import { ErrorList } from "~/components/form/error-list";
import { controlClass, describedBy, hintClass, labelClass } from "~/components/form/styles";
import type { MessageKey } from "~/i18n/dictionary";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";

export type PeriodField = "period" | "month" | "quarter" | "year" | "from" | "to" | "chain" | "alliance";

export type PeriodFormState = {
  /** What the reader typed (kept as typed when refused), or the period shown. */
  values: Partial<Record<PeriodField, string>>;
  errors: Partial<Record<string, MessageKey>>;
  chains: { chainId: string; nameZh: string; nameEn: string }[];
  /** Operators only: the alliance filter's choices. */
  alliances: { allianceId: string; nameZh: string; nameEn: string }[] | null;
};

const kinds = ["month", "quarter", "year", "custom"] as const;

/** What a browser's month or date input accepts: a real month, a real calendar day. */
const pickerAccepts = {
  month: (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value),
  date: (value: string) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return (
      /^\d{4}-\d{2}-\d{2}$/.test(value) &&
      !Number.isNaN(time) &&
      new Date(time).toISOString().startsWith(value)
    );
  },
};

/**
 * A month or date picker, unless the value cannot be one: a browser would blank it, and a value the
 * reader typed into the URL must stay in sight next to the message about it.
 */
function picker(type: "month" | "date", value: string | undefined): "month" | "date" | "text" {
  return !value || pickerAccepts[type](value) ? type : "text";
}

/**
 * A GET form, so a period is a link one can share and it works without JavaScript. Every field is
 * shown; the chosen period type decides which one counts (the hint says so).
 */
export function PeriodForm({ form }: { form: PeriodFormState }) {
  const t = useT();
  const locale = useLocale();
  const { values, errors } = form;
  const invalid = Object.keys(errors).length > 0;
  const field = (name: PeriodField) => ({
    id: `insights-${name}`,
    name,
    defaultValue: values[name] ?? "",
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": describedBy(errors[name] ? `insights-${name}-error` : undefined),
    className: controlClass,
  });
  return (
    <Form
      method="get"
      key={JSON.stringify(values)}
      className="mt-6 rounded-xl border border-slate-200 bg-white p-4 print:hidden"
      aria-describedby={invalid ? "insights-form-error" : undefined}
    >
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">{t("insights.period.legend")}</legend>
        {invalid && (
          <p
            id="insights-form-error"
            role="alert"
            className="mt-3 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
          >
            {t("insights.period.invalid")}
          </p>
        )}
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Frame name="period" label={t("insights.period.kind")} error={errors.period}>
            <select {...field("period")}>
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`insights.period.kind.${kind}`)}
                </option>
              ))}
            </select>
          </Frame>
          <Input
            name="month"
            label={t("insights.period.month")}
            error={errors.month}
            props={field("month")}
            type={picker("month", values.month)}
            placeholder="2025-03"
          />
          <Input
            name="quarter"
            label={t("insights.period.quarter")}
            error={errors.quarter}
            props={field("quarter")}
            placeholder="2025-Q1"
          />
          <Input
            name="year"
            label={t("insights.period.year")}
            error={errors.year}
            props={field("year")}
            inputMode="numeric"
            placeholder="2025"
          />
          <Input
            name="from"
            label={t("insights.period.from")}
            error={errors.from}
            props={field("from")}
            type={picker("date", values.from)}
          />
          <Input
            name="to"
            label={t("insights.period.to")}
            error={errors.to}
            props={field("to")}
            type={picker("date", values.to)}
          />
          <Frame name="chain" label={t("insights.filter.chain")} error={errors.chain}>
            <select {...field("chain")}>
              <option value="">{t("insights.filter.allChains")}</option>
              {form.chains.map((chain) => (
                <option key={chain.chainId} value={chain.chainId}>
                  {pick(locale, chain.nameZh, chain.nameEn)}
                </option>
              ))}
            </select>
          </Frame>
          {form.alliances && (
            <Frame name="alliance" label={t("insights.filter.alliance")} error={errors.alliance}>
              <select {...field("alliance")}>
                <option value="">{t("insights.filter.allAlliances")}</option>
                {form.alliances.map((alliance) => (
                  <option key={alliance.allianceId} value={alliance.allianceId}>
                    {pick(locale, alliance.nameZh, alliance.nameEn)}
                  </option>
                ))}
              </select>
            </Frame>
          )}
        </div>
        <p className={hintClass}>{t("insights.period.hint")}</p>
      </fieldset>
      <button
        type="submit"
        className="mt-4 rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
      >
        {t("insights.period.submit")}
      </button>
    </Form>
  );
}

function Frame({
  name,
  label,
  error,
  children,
}: {
  name: PeriodField;
  label: string;
  error: MessageKey | undefined;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={`insights-${name}`} className={labelClass}>
        {label}
      </label>
      {children}
      <ErrorList id={`insights-${name}-error`} errors={error ? [error] : null} />
    </div>
  );
}

function Input({
  name,
  label,
  error,
  props,
  ...rest
}: {
  name: PeriodField;
  label: string;
  error: MessageKey | undefined;
  props: InputHTMLAttributes<HTMLInputElement>;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "type" | "placeholder" | "inputMode">) {
  return (
    <Frame name={name} label={label} error={error}>
      <input {...props} {...rest} />
    </Frame>
  );
}
