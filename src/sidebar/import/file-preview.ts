/**
 * One card per file: what the add-on understood (layout, period, rows, totals), whether the
 * money adds up, and which rows or columns it could not use — before anything is written.
 */
import type { FileError, ParsedExport, ReconcileResult } from '../../core/types';
import { h } from '../dom';
import { count, money, period, plural, problem } from '../format';
import type { ImportOutcome } from './import-runner';

/** How many rejected rows and differences are listed before "and N more". */
export const LIST_LIMIT = 5;

function fact(label: string, value: string, className?: string): HTMLElement {
  return h('div', { className: className ? `fact ${className}` : 'fact' }, h('dt', {}, label), h('dd', {}, value));
}

function moreNote(total: number, shown: number): HTMLElement | null {
  return total > shown ? h('li', { className: 'more' }, `and ${count(total - shown)} more`) : null;
}

function reconciliationSection(r: ReconcileResult): HTMLElement {
  // The workbook's own totals are mentioned only when some were checked.
  const totals = r.totalChecks.length > 0 ? ` ${plural(r.totalChecks.length, 'total')} of the Reports sheet agree with them.` : '';
  if (r.ok) return h('p', { className: 'check ok' }, `Reconciled: ${plural(r.rowsChecked, 'row')} add up to the cent.${totals}`);
  const items: HTMLElement[] = r.mismatches.slice(0, LIST_LIMIT).map((m) =>
    h('li', {}, `Row ${m.source.row}${m.orderId ? ` (${m.orderId})` : ''}: settlement ${money(m.settlement)}, parts add to ${money(m.sumOfParts)}, difference ${money(m.difference)}`));
  for (const t of r.totalChecks.filter((c) => c.difference !== 0)) {
    items.push(h('li', {}, `${t.label}: expected ${money(t.expected)}, rows add to ${money(t.actual)}, difference ${money(t.difference)}`));
  }
  const headline = r.mismatches.length > 0
    ? `${plural(r.mismatches.length, 'row')} ${r.mismatches.length === 1 ? 'differs' : 'differ'} from the sum of ${r.mismatches.length === 1 ? 'its' : 'their'} parts.`
    : 'Statement totals differ from the sum of rows.';
  return h('div', { className: 'check warn' },
    h('p', {}, headline),
    h('ul', {}, ...items, moreNote(r.mismatches.length, Math.min(r.mismatches.length, LIST_LIMIT))),
    r.unclassifiedColumns.length > 0 ? h('p', {}, `Unclassified money columns: ${r.unclassifiedColumns.join(', ')}`) : null);
}

/** The preview card of one parsed file (or one sheet of a workbook). */
export function renderPreview(parsed: ParsedExport): HTMLElement {
  const title = parsed.sheet ? `${parsed.fileName} — ${parsed.sheet}` : parsed.fileName;
  const rejects = parsed.rejects;
  return h('article', { className: 'file-card', 'data-file': parsed.fileName },
    h('h3', {}, title),
    h('dl', { className: 'facts' },
      fact('Layout', parsed.layoutLabel),
      fact('Period', period(parsed.period)),
      fact('Rows', count(parsed.rows.length)),
      fact('Settlement', money(parsed.totals.settlement), 'num'),
      fact('Net sales', money(parsed.totals.netSales), 'num'),
      fact('Fees', money(parsed.totals.fees), 'num')),
    reconciliationSection(parsed.reconciliation),
    parsed.duplicateKeys.length > 0
      ? h('p', { className: 'note' }, `${plural(parsed.duplicateKeys.length, 'row')} repeated inside this file will be written once.`)
      : null,
    rejects.length > 0
      ? h('div', { className: 'check warn rejects' },
        h('p', {}, `${plural(rejects.length, 'row')} cannot be imported:`),
        h('ul', {}, ...rejects.slice(0, LIST_LIMIT).map((p) => h('li', {}, problem(p))), moreNote(rejects.length, Math.min(rejects.length, LIST_LIMIT))))
      : null,
    ...(parsed.unrecognisedMoney ?? []).map((u) =>
      h('p', { className: 'note' }, `Counted in ${u.parent === 'fees' ? 'Fees' : 'Shipping'} though not recognised: ${u.columns.join(', ')}`)),
    parsed.unknownColumns.length > 0
      ? h('p', { className: 'note' }, `Columns kept but not recognised: ${parsed.unknownColumns.join(', ')}`)
      : null,
    h('p', { className: 'result', 'aria-live': 'polite' }));
}

/** The card of a file that could not be read at all; the other files stay importable. */
export function renderFileError(error: FileError): HTMLElement {
  return h('article', { className: 'file-card error', 'data-file': error.fileName, role: 'alert' },
    h('h3', {}, error.fileName),
    h('p', { className: 'error-message' }, error.message));
}

/** The card's result line after import: `120 new rows, 4 duplicates skipped, 2 rejected`. */
export function outcomeText(outcome: ImportOutcome): string {
  const counts = `${plural(outcome.written, 'new row')}, ${plural(outcome.duplicates, 'duplicate')} skipped, ${count(outcome.rejected)} rejected`;
  const cogs = outcome.cogsAdded > 0 ? `; ${plural(outcome.cogsAdded, 'new SKU')} added to TTS COGS` : '';
  if (outcome.status === 'complete') return `Imported: ${counts}${cogs}.`;
  if (outcome.status === 'cancelled') return `Cancelled: ${counts}${cogs}. Import again to add the rest.`;
  return `Failed: ${outcome.message ?? 'unknown error'} (${counts} before the failure; import again to add the rest).`;
}
