/**
 * Display text of a cell as Sheets renders it (`getDisplayValues`), for the number formats the
 * add-on uses: `0.00`, `$#,##0.00`, `#,##0`, `0%`, `0.00%`, `@`, sections such as
 * `$#,##0.00;($#,##0.00)`, and date patterns such as `yyyy-mm-dd`, `m/d/yyyy hh:mm:ss`.
 * Also the Java-style patterns of `Utilities.formatDate`.
 */
import { type CellValue, DEFAULT_NUMBER_FORMAT, isDate, PLAIN_TEXT_FORMAT } from './cell-values';
import { wallTimeIn, offsetMinutes, type WallTime } from './time-zone';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Rounds half away from zero at `decimals` places without binary surprises (1.005 → 1.01). */
function roundTo(n: number, decimals: number): number {
  const shifted = Number(`${Math.abs(n)}e${decimals}`);
  const r = Number(`${Math.round(shifted)}e-${decimals}`);
  return Number.isFinite(r) ? r : Math.abs(n);
}

/** "Automatic" display: up to 10 significant digits, scientific from 1e15 (`5.77E+17`). */
export function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [mantissa, exp] = n.toExponential(5).split('e');
    const m = mantissa.replace(/\.?0+$/, '');
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${pad(Math.abs(e), 2)}`;
  }
  return String(Number(n.toPrecision(10)));
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < format.length) {
      cur += ch + format[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Tokens of a format section: literal text or a placeholder run. */
function tokenize(section: string): { literal: boolean; text: string }[] {
  const tokens: { literal: boolean; text: string }[] = [];
  const push = (literal: boolean, text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.literal === literal) last.text += text;
    else tokens.push({ literal, text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      push(true, section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      push(true, section[++i] ?? '');
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const body = section.slice(i + 1, end);
      if (body.startsWith('$')) push(true, body.slice(1).split('-')[0]); // [$€] currency; [Red] colours dropped
      i = end < 0 ? section.length : end;
    } else if (ch === '_' || ch === '*') {
      i++; // padding directives take no room in plain text
    } else if (
      (ch === 'E' || ch === 'e') &&
      /[+-]/.test(section[i + 1] ?? '') &&
      /[0#?]/.test(section.slice(0, i))
    ) {
      push(false, ch + section[++i]);
    } else {
      push(!/[0#?.,%]/.test(ch), ch);
    }
  }
  return tokens;
}

function formatNumberSection(n: number, section: string): string {
  const tokens = tokenize(section);
  const hasPercent = tokens.some((t) => !t.literal && t.text.includes('%'));
  const value = hasPercent ? n * 100 : n;
  const out: string[] = [];
  let numberDone = false;
  for (const t of tokens) {
    if (t.literal) {
      out.push(t.text);
      continue;
    }
    if (numberDone) {
      out.push(t.text.replace(/[0#?.,]/g, ''));
      continue;
    }
    numberDone = true;
    const pattern = t.text.replace(/%/g, '');
    const expMatch = /[Ee][+-]/.exec(pattern);
    const mantissaPattern = expMatch ? pattern.slice(0, expMatch.index) : pattern;
    const [intPart, fracPart = ''] = mantissaPattern.split('.');
    const minDecimals = (fracPart.match(/0/g) ?? []).length;
    const maxDecimals = (fracPart.match(/[0#?]/g) ?? []).length;
    const grouping = intPart.includes(',') && /[0#?],[0#?]/.test(intPart);
    const minInt = (intPart.match(/0/g) ?? []).length;
    let body: string;
    if (expMatch) {
      const [m, e] = value.toExponential(maxDecimals).split('e');
      const exp = Number(e);
      body = `${m}E${exp < 0 ? '-' : '+'}${pad(Math.abs(exp), 2)}`;
    } else {
      const rounded = roundTo(value, maxDecimals);
      let [i, f = ''] = rounded.toFixed(maxDecimals).split('.');
      while (f.length > minDecimals && f.endsWith('0')) f = f.slice(0, -1);
      if (i === '0' && minInt === 0) i = '';
      i = i.padStart(minInt, '0');
      if (grouping) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      body = f.length > 0 ? `${i}.${f}` : i || '0';
    }
    out.push(body, t.text.includes('%') ? '%' : '');
  }
  return out.join('');
}

function isDateFormat(section: string): boolean {
  const stripped = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ydhs]/i.test(stripped) || (/m/i.test(stripped) && !/[0#]/.test(stripped));
}

/** Renders a date with a Sheets pattern (`yyyy-mm-dd`, `m/d/yyyy h:mm:ss am/pm`, `mmm d`). */
export function formatSheetsDate(date: Date, pattern: string, timeZone: string): string {
  const w = wallTimeIn(date, timeZone);
  const twelveHour = /am\/pm|a\/p/i.test(pattern);
  const tokens = pattern.match(/"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|\.0+|[^ymdhsa"\\]+|./gi) ?? [];
  let lastWasHour = false;
  const out: string[] = [];
  tokens.forEach((tok, idx) => {
    const lower = tok.toLowerCase();
    const nextIsSecond = tokens
      .slice(idx + 1)
      .find((t) => /^[a-z]/i.test(t) && !/^[^ymdhs]/i.test(t))
      ?.toLowerCase()
      .startsWith('s');
    if (tok.startsWith('"')) out.push(tok.slice(1, -1));
    else if (tok.startsWith('\\')) out.push(tok.slice(1));
    else if (lower === 'am/pm') out.push(w.hour < 12 ? 'AM' : 'PM');
    else if (lower === 'a/p') out.push(w.hour < 12 ? 'A' : 'P');
    else if (lower[0] === 'y') out.push(lower.length <= 2 ? pad(w.year % 100, 2) : String(w.year));
    else if (lower[0] === 'm') {
      if (lastWasHour || nextIsSecond) out.push(lower.length >= 2 ? pad(w.minute, 2) : String(w.minute));
      else if (lower.length >= 4) out.push(MONTHS[w.month - 1]);
      else if (lower.length === 3) out.push(MONTHS[w.month - 1].slice(0, 3));
      else out.push(lower.length === 2 ? pad(w.month, 2) : String(w.month));
    } else if (lower[0] === 'd') {
      if (lower.length >= 4) out.push(DAYS[w.weekday]);
      else if (lower.length === 3) out.push(DAYS[w.weekday].slice(0, 3));
      else out.push(lower.length === 2 ? pad(w.day, 2) : String(w.day));
    } else if (lower[0] === 'h') {
      const h = twelveHour ? ((w.hour + 11) % 12) + 1 : w.hour;
      out.push(lower.length >= 2 ? pad(h, 2) : String(h));
    } else if (lower[0] === 's') out.push(lower.length >= 2 ? pad(w.second, 2) : String(w.second));
    else if (lower.startsWith('.0')) out.push(`.${pad(w.millisecond, 3).slice(0, lower.length - 1)}`);
    else out.push(tok);
    if (/^[a-z]/i.test(tok)) lastWasHour = lower[0] === 'h';
  });
  return out.join('');
}

/** The text Sheets shows for a cell value under a number format. */
export function displayValue(value: CellValue, format: string | undefined, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = format && format !== DEFAULT_NUMBER_FORMAT && format !== PLAIN_TEXT_FORMAT ? format : undefined;
  if (isDate(value)) {
    if (fmt && isDateFormat(fmt)) return formatSheetsDate(value, splitSections(fmt)[0], timeZone);
    const w = wallTimeIn(value, timeZone);
    const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
    return formatSheetsDate(value, midnight ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss', timeZone);
  }
  if (!fmt || fmt.toLowerCase() === 'general') return generalNumber(value);
  if (isDateFormat(fmt))
    return formatSheetsDate(serialToDate(value, timeZone), splitSections(fmt)[0], timeZone);
  const sections = splitSections(fmt);
  if (value < 0 && sections.length > 1) return formatNumberSection(-value, sections[1]);
  if (value === 0 && sections.length > 2) return formatNumberSection(0, sections[2]);
  const text = formatNumberSection(Math.abs(value), sections[0]);
  const showsNonZero = /[1-9]/.test(text);
  return value < 0 && showsNonZero ? `-${text}` : text;
}

/** Sheets serial number (days since 1899-12-30, wall time of the zone) → Date. */
export function serialToDate(serial: number, timeZone: string): Date {
  const utcMs = Math.round((serial - 25569) * 86400000);
  return new Date(utcMs - offsetMinutes(new Date(utcMs), timeZone) * 60000);
}

/**
 * `Utilities.formatDate` with Java SimpleDateFormat letters: y M d E H h m s S a Z X z and
 * 'quoted' literals.
 */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const w: WallTime = wallTimeIn(date, timeZone);
  const offset = offsetMinutes(date, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const oh = pad(Math.floor(Math.abs(offset) / 60), 2);
  const om = pad(Math.abs(offset) % 60, 2);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      out += end === i + 1 ? "'" : pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let j = i;
    while (j < pattern.length && pattern[j] === ch) j++;
    const n = j - i;
    i = j;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
        break;
      case 'u':
        out += String(w.weekday === 0 ? 7 : w.weekday);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'h':
        out += pad(((w.hour + 11) % 12) + 1, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, 3).slice(0, Math.max(n, 3)).padEnd(n, '0');
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += `${sign}${oh}${om}`;
        break;
      case 'X':
        out +=
          offset === 0
            ? 'Z'
            : n === 1
              ? `${sign}${oh}`
              : n === 2
                ? `${sign}${oh}${om}`
                : `${sign}${oh}:${om}`;
        break;
      case 'z':
        out += offset === 0 ? 'UTC' : `GMT${sign}${oh}:${om}`;
        break;
      default:
        out += ch.repeat(n);
    }
  }
  return out;
}
