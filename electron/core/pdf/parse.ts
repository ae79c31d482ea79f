/**
 * Lenient reading of what clients type into fillable fields: "7", "7.5", "70%", "7,5",
 * "30 min", "1:30" (a duration), "14/03/2026", "7.30 pm". Each returns undefined when the
 * text cannot be read; the caller words the message (never echoing the client's text).
 */

export function parseNumber(raw: string): number | undefined {
  let t = raw.trim().replace(/\s+/g, ' ');
  // Trailing "/10" ("7/10"), a percent sign, or a unit word ("30 min", "8 hours").
  t = t
    .replace(/\s*\/\s*\d+(?:[.,]\d+)?$/, '')
    .replace(/\s*%$/, '')
    .replace(/\s*[A-Za-zÀ-žΑ-ωА-я.]+$/u, '')
    .trim();
  if (!t) return undefined;
  // Both separators: the last one is the decimal mark ("1,234.5", "1.234,5").
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    const thou = dec === '.' ? ',' : '.';
    t = t.split(thou).join('').replace(dec, '.');
  } else if (lastComma >= 0) {
    // "7,5" is a decimal comma; "1,000" (exactly three digits after a single comma) a thousands separator.
    const parts = t.split(',');
    t =
      parts.length === 2 && parts[1]!.length === 3 && parts[0]!.replace(/^[-+−]/, '').length <= 3 && parts[0] !== '0'
        ? parts.join('')
        : parts.length === 2
          ? parts.join('.')
          : t;
  }
  t = t.replace(/[ '’]/g, '').replace('−', '-');
  if (!/^[-+]?(\d+(\.\d+)?|\.\d+)$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Minutes from "45", "45 min", "1:30", "1h30", "1 h 30 min", "1.5 h", "2 hours". */
export function parseDuration(raw: string): number | undefined {
  const t = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!t) return undefined;
  let m = /^(\d{1,2}):([0-5]\d)$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m =
    /^(\d+(?:[.,]\d+)?) ?(?:h|hr|hrs|hour|hours|std|stunden?|heures?|timer?)\.?(?: ?(\d{1,2}) ?(?:m|min|mins|minutes?)?\.?)?$/.exec(
      t,
    );
  if (m) return Math.round(Number(m[1]!.replace(',', '.')) * 60 + (m[2] ? Number(m[2]) : 0));
  m = /^(\d+(?:[.,]\d+)?) ?(?:m|min|mins|minutes?|minuten?)?\.?$/.exec(t);
  if (m) return Number(m[1]!.replace(',', '.'));
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validYmd(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Month-first locales (for "3/14/2026"). */
const MONTH_FIRST = /^en-(US|PH|CA)$|^en$/i;

/** 'YYYY-MM-DD' from "2026-03-14", "2026/3/14", "14.03.2026", "14/03/26", or "3/14/2026" in month-first locales. */
export function parseDate(raw: string, locale = 'en-GB'): string | undefined {
  const t = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(t);
  if (!m) return undefined;
  let a = Number(m[1]);
  let b = Number(m[3]);
  let y = Number(m[4]);
  if (m[4]!.length === 2) y += 2000;
  // Dots are day-first everywhere; slashes and dashes follow the locale unless only one reading is a date.
  const monthFirst = m[2] !== '.' && MONTH_FIRST.test(locale);
  if (monthFirst) [a, b] = [b, a];
  return validYmd(y, b, a) ?? (m[2] !== '.' ? validYmd(y, a, b) : undefined);
}

/** 'HH:MM' from "7:30", "07.30", "7h30", "7:30 pm", "7 pm", "1930". */
export function parseTime(raw: string): string | undefined {
  const t = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const m = /^(\d{1,2})(?:[:.h](\d{2})|(\d{2}))? ?(am|pm|a\.m\.|p\.m\.)?$/.exec(t);
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2] ?? m[3] ?? 0);
  const ampm = m[4]?.replace(/\./g, '');
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
  }
  if (h > 23 || min > 59) return undefined;
  return `${pad(h)}:${pad(min)}`;
}
