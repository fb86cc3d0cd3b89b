/**
 * The On-hold export's banner says when it was downloaded (`Download time,2026-06-12 16:55:33`).
 * Of two downloads' estimates of one order line the later counts, whichever was imported last
 * (core/ledger/settled-estimates.ts), so the sidebar keeps it on each of the file's rows, as the
 * ledger's *Download time* column.
 */
import { DOWNLOAD_TIME } from '../ledger/settled-estimates';
import { parseDateOrNull } from '../dates';
import { FileReadError } from './files/file-errors';
import type { LedgerRow } from '../types';

/** How long after its period's end a download may be, for a slash date read one way to fit it. */
const MONTH = 31 * 864e5;

/**
 * A banner row's download time as `YYYY-MM-DD HH:MM:SS`, or undefined when the row is not one (or is
 * not readable). A slash date whose parts could both be the month (`12/06/2026`, Excel re-saved in a
 * day-first locale) is read the way that falls on or after the period's end in `fileName`
 * (`…2026_06_01-2026_06_12…`): read the wrong way, an older download would count over a newer. With
 * no period, or both readings or neither fitting it, the file is refused rather than guessed.
 */
export function downloadTimeOf(cells: readonly string[], fileName = '', row = 1): string | undefined {
  if (cells.length < 2 || cells[0].trim().toLowerCase() !== 'download time') return undefined;
  const text = cells[1].trim().replace(/\s+/g, ' ');
  const readings = [
    ...new Set(
      (['mdy', 'dmy'] as const).map((order) => {
        const iso = parseDateOrNull(text, undefined, order);
        return iso ? (iso + ' 00:00:00').slice(0, 19).replace('T', ' ') : undefined;
      }),
    ),
  ];
  const m = /.*(\d{4})_(\d\d)_(\d\d)/.exec(fileName);
  const end = m && `${m[1]}-${m[2]}-${m[3]}`;
  const after = (time = '') => Date.parse(time.slice(0, 10)) - Date.parse(end || '');
  const fit =
    readings.length > 1 ? readings.filter((time) => after(time) >= 0 && after(time) < MONTH) : readings;
  if (fit.length !== 1)
    throw new FileReadError(
      `${fileName}: the Download time on row ${row}, \`${text}\`, reads either way (${readings.join(' or ')}?)` +
        (end
          ? `, and ${fit.length ? 'both' : 'neither'} within a month after ${end}, the end of the period its name gives`
          : '') +
        '. Download the file again, or write the time year first (2026-06-12 16:55). Nothing was imported.',
    );
  return fit[0];
}

/** `row` with the download time its On-hold export's banner gave (other layouts' rows as they are). */
export function withDownloadTime(row: LedgerRow, downloaded: string | undefined): LedgerRow {
  if (downloaded !== undefined && row.layout === 'onhold') row.unknown[DOWNLOAD_TIME] = downloaded;
  return row;
}
