/**
 * Dates as a sheet holds them: Date objects meant in the spreadsheet's time zone, turned into the
 * ISO text the core works with, for custom-function arguments and for the add-on's own tabs alike.
 */
import { spreadsheet } from './spreadsheet';

/** The spreadsheet's time zone, which is how Sheets meant the dates it passes. */
export function spreadsheetTimeZone(): string {
  try {
    return spreadsheet().getSpreadsheetTimeZone() || 'Etc/UTC';
  } catch {
    return 'Etc/UTC';
  }
}

/**
 * Date cells → ISO text in the spreadsheet's zone (`2026-06-12`, or `2026-06-12T16:55:33` when the
 * cell has a time), so the core never has to guess a time zone. Dates repeat down a column, so
 * each distinct instant is formatted once (formatDate is slow in Apps Script).
 */
export function dateTextConverter(): (date: Date) => string {
  const seen = new Map<number, string>();
  let timeZone: string | undefined;
  let lastTime = NaN;
  let lastText = '';
  return (date) => {
    const time = date.getTime();
    if (time === lastTime) return lastText;
    let text = seen.get(time);
    if (text === undefined) {
      timeZone ??= spreadsheetTimeZone();
      text = Utilities.formatDate(date, timeZone, "yyyy-MM-dd'T'HH:mm:ss");
      if (text.endsWith('T00:00:00')) text = text.slice(0, 10);
      seen.set(time, text);
    }
    lastTime = time;
    lastText = text;
    return text;
  };
}
