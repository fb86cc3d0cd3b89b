/**
 * What the sidebar's preview says about the order a file's date columns were read in (see
 * date-order.ts): day first, or month first for a column whose every date reads either way.
 * Files only: a range a function reads has no preview to say it in.
 */
import type { DateOrderWatch } from './date-order';
import type { ParsedExport } from '../types';

/** The note for one column ('' when there is nothing to say). */
function note(watch: DateOrderWatch, where: string): string {
  const order = watch.settled?.order ?? watch.preset;
  if (order === 'dmy') {
    const by = watch.settled ? ` (row ${watch.settled.row} has \`${watch.settled.text}\`)` : '';
    return `${where}: column *${watch.column}* writes dates day first${by}: every date in it was read as day/month/year.`;
  }
  if (order === undefined && watch.firstEither !== null) {
    const e = watch.firstEither;
    return (
      `${where}: every date in column *${watch.column}* reads either way (row ${e.row} has \`${e.text}\`): ` +
      'read month first (MM/DD/YYYY), as Seller Center writes US exports. If the file was saved day first, ' +
      'download it again and import it without saving it in Excel.'
    );
  }
  return '';
}

/** The parse with the notes on its date columns (`watches`), if any. */
export function withDateNotes(
  parsed: ParsedExport,
  watches: readonly DateOrderWatch[],
  where: string,
): ParsedExport {
  const notes = watches.map((watch) => note(watch, where)).filter(Boolean);
  if (notes.length > 0) parsed.readNotes = notes;
  return parsed;
}
