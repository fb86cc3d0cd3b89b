/**
 * Excel stores dates as serial day numbers and shows them as dates only through the cell's number
 * format. This module decides which formats are dates and turns serials into the text a seller
 * saw: `YYYY-MM-DD`, `YYYY-MM-DD HH:mm:ss`, or `HH:mm:ss` for a bare time.
 */

/** What a number format shows: not a date, a calendar date, a date with time, or a time of day. */
export type DateFormatKind = 'none' | 'date' | 'datetime' | 'time';

/** Built-in formats that Excel shows as dates or times in every locale. */
export function builtInDateFormatKind(numFmtId: number): DateFormatKind {
  if (numFmtId >= 14 && numFmtId <= 17) return 'date';
  if (numFmtId === 22) return 'datetime';
  if ((numFmtId >= 18 && numFmtId <= 21) || (numFmtId >= 45 && numFmtId <= 47)) return 'time';
  return 'none';
}

/**
 * Classifies a custom format code such as `yyyy-mm-dd`, `m/d/yy h:mm` or `hh:mm:ss`. Quoted text,
 * escaped characters, colours and conditions are ignored; elapsed-time formats (`[h]:mm`) are
 * durations, not dates, and stay numbers.
 */
export function customDateFormatKind(formatCode: string): DateFormatKind {
  // Only the first section formats positive numbers, which is what dates are.
  const firstSection = formatCode.split(';')[0];
  if (/\[(h+|m+|s+)\]/i.test(firstSection)) return 'none';
  const letters = firstSection
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (/^general$/i.test(letters.trim())) return 'none';
  const hasDate = /[yd]/i.test(letters);
  const hasTime = /[hs]/i.test(letters) || /AM\/PM|A\/P/i.test(letters);
  const hasMonthOrMinute = /m/i.test(letters);
  if (hasDate && hasTime) return 'datetime';
  if (hasDate) return 'date';
  if (hasTime) return 'time';
  if (hasMonthOrMinute) return 'date';
  return 'none';
}

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const LAST_SERIAL_1900 = 2_958_465; // 9999-12-31

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return n < 1000 ? `000${n}`.slice(-4) : String(n);
}

/**
 * The date text for an Excel serial, or null when the number cannot be a date (negative, not a
 * number, past 9999-12-31). Times are rounded to the nearest second as Excel displays them.
 */
export function excelSerialToText(
  serial: number,
  kind: Exclude<DateFormatKind, 'none'>,
  date1904: boolean,
): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > LAST_SERIAL_1900 + 1) return null;
  const totalSeconds = Math.round(serial * 86_400);
  const day = Math.floor(totalSeconds / 86_400);
  const secondOfDay = totalSeconds - day * 86_400;
  const time = `${pad2(Math.floor(secondOfDay / 3600))}:${pad2(Math.floor(secondOfDay / 60) % 60)}:${pad2(secondOfDay % 60)}`;
  if (kind === 'time' && day === 0) return time;

  let date: string;
  if (!date1904 && day === 60) {
    // Excel keeps Lotus 1-2-3's 29 February 1900, a day that never existed.
    date = '1900-02-29';
  } else {
    // Before that phantom day, 1900-system serials are one day ahead of the real calendar.
    const epoch = date1904 ? EPOCH_1904 : day < 60 ? EPOCH_1900 + MS_PER_DAY : EPOCH_1900;
    const when = new Date(epoch + day * MS_PER_DAY);
    const year = when.getUTCFullYear();
    if (year > 9999) return null;
    date = `${pad4(year)}-${pad2(when.getUTCMonth() + 1)}-${pad2(when.getUTCDate())}`;
  }
  return kind === 'date' ? date : `${date} ${time}`;
}
