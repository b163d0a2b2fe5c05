import { defineMessages } from "../define";

/** Why a dashboard period in the URL was refused (app/models/insights/period.ts). */
export const insightsPeriod = defineMessages({
  "zh-CN": {
    "invalid.period": "请选择月、季度、年或自定义时段。",
    "invalid.month": "月份的格式应为 2025-03。",
    "invalid.quarter": "季度的格式应为 2025-Q1。",
    "invalid.year": "年份的格式应为 2025。",
    "invalid.day": "日期的格式应为 2025-03-01。",
    required: "请填写日期。",
    toBeforeFrom: "结束日期不能早于开始日期。",
    tooLong: "自定义时段最长为三年。",
    tooFar: "结束日期最多只能在一年之后。",
    outOfRange: "所选时段超出了可统计的范围。",
  },
  en: {
    "invalid.period": "Choose a month, quarter, year or custom period.",
    "invalid.month": "Write the month as 2025-03.",
    "invalid.quarter": "Write the quarter as 2025-Q1.",
    "invalid.year": "Write the year as 2025.",
    "invalid.day": "Write the date as 2025-03-01.",
    required: "Enter a date.",
    toBeforeFrom: "The end date cannot be before the start date.",
    tooLong: "A custom period can be at most three years long.",
    tooFar: "The end date can be at most one year ahead.",
    outOfRange: "The period is outside the range the figures cover.",
  },
});
