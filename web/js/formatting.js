// Numbers and times as the planner reads them in the page's language. Pure (the language is an
// argument), so node --test covers it; callers pass messages.js's language().

const LOCALES = { zh: 'zh-CN', en: 'en-GB' };

/** A number with the language's grouping, at most `digits` decimals. */
export function formatNumber(value, lang, digits = 2) {
  return new Intl.NumberFormat(LOCALES[lang] ?? LOCALES.zh, { maximumFractionDigits: digits }).format(value);
}

/** An ISO instant as a date and minute in Beijing time (where the plans are made), e.g. 2026/12/1 08:05. */
export function formatTime(iso, lang) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? '');
  return new Intl.DateTimeFormat(LOCALES[lang] ?? LOCALES.zh, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai',
  }).format(date);
}

/** A length in metres as m or km, in the language's number format. */
export function formatLength(metres, lang) {
  return metres < 1000 ? `${formatNumber(metres, lang, 0)} m` : `${formatNumber(metres / 1000, lang, 2)} km`;
}
