import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Field } from "./field";
import { TextareaField } from "./textarea-field";

/** A text held in both languages: each control carries its `lang`, so input methods and readers switch. */
type Pair = {
  zh: FieldMetadata<string | undefined>;
  en: FieldMetadata<string | undefined>;
  /** Each form's own message keys, already translated. */
  labels: { zh: string; en: string };
};

/** The Chinese and English name inputs, as siblings so each form keeps its own grid. */
export function BilingualNameFields({ zh, en, labels }: Pair) {
  return (
    <>
      <Field
        label={labels.zh}
        inputProps={{ ...getInputProps(zh, { type: "text" }), lang: "zh-CN" }}
        meta={zh}
      />
      <Field
        label={labels.en}
        inputProps={{ ...getInputProps(en, { type: "text" }), lang: "en" }}
        meta={en}
      />
    </>
  );
}

/** The Chinese and English descriptions, under one hint (both have the same limit). */
export function BilingualTextareaFields({ zh, en, labels, hint }: Pair & { hint: string }) {
  return (
    <>
      <TextareaField
        label={labels.zh}
        hint={hint}
        textareaProps={{ ...getTextareaProps(zh), lang: "zh-CN" }}
        meta={zh}
      />
      <TextareaField
        label={labels.en}
        hint={hint}
        textareaProps={{ ...getTextareaProps(en), lang: "en" }}
        meta={en}
      />
    </>
  );
}
