/**
 * The import panel: choose or drop export files → preview each → *Import* sends the rows to the
 * server chunk by chunk with a progress bar and a *Cancel* that stops after the current chunk.
 */
import type { ParsedExport } from '../../core/types';
import { h, replaceChildren } from '../dom';
import { alreadyImportedText, outcomeText, renderFileError, renderPreview } from './file-preview';
import { countInLedgerRows } from './already-imported';
import { readyFiles } from '../../core/ledger/ready-to-import';
import { count, plural } from '../format';
import { runImports, type ImportOutcome, type ServerCaller } from './import-runner';
import type { FileParser } from '../parsing/parse-in-worker';
import { ParseCancelled } from '../parsing/parse-protocol';
import { createProgress } from './progress';
import { renderAdsPreview, type AdsCard } from './ads-preview';
import { importAdReport } from './ads-entry';
import { readCostTableFile } from '../costs/cost-table-file';
import { renderCostCard } from '../costs/cost-card';

export const FILE_INPUT_ID = 'import-files';
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Entry {
  parsed: ParsedExport;
  card: HTMLElement;
  imported: boolean;
  /** An ad report's card (its rows go to the TTS Ads tab). */
  ads?: AdsCard;
}

/** Rows a file will send: ledger rows, or an ad report's rows. */
const rowsOf = (e: Entry): number => e.parsed.ads?.rows.length ?? e.parsed.rows.length;

export interface ImportPanelOptions {
  parser: FileParser;
  call: ServerCaller;
  /** After every import run (e.g. so the forecast panel can refresh). */
  onImported?: (outcomes: ImportOutcome[]) => void;
  /** After unit costs from a dropped cost table are written. */
  onCostsSaved?: (written: number) => void;
  /** Whether previewed files wait for *Import* (which is then the view's primary action). */
  onPendingChange?: (pending: boolean) => void;
}

export interface ImportPanel {
  element: HTMLElement;
  /** Reads and previews files, as choosing them in the file input does. */
  addFiles(files: readonly File[]): Promise<void>;
  /** Imports every previewed file not imported yet. */
  importAll(): Promise<ImportOutcome[]>;
}

export function createImportPanel(options: ImportPanelOptions): ImportPanel {
  const { parser, call, onImported, onCostsSaved, onPendingChange } = options;
  const entries: Entry[] = [];
  let busy: 'reading' | 'importing' | null = null;
  let cancelRequested = false;
  // The ad account's clock last used, asked for once when the first ad report is previewed.
  let rememberedClock: Promise<string> | undefined;

  const input = h('input', {
    type: 'file',
    id: FILE_INPUT_ID,
    multiple: true,
    accept: ACCEPT,
    className: 'visually-hidden',
  });
  const chooseLabel = h('label', { for: FILE_INPUT_ID, className: 'button' }, 'Choose files…');
  const dropZone = h(
    'div',
    { className: 'dropzone' },
    input,
    chooseLabel,
    h('span', { className: 'hint' }, 'or drop CSV / XLSX exports or a unit cost table here'),
  );
  const cards = h('div', { className: 'cards' });
  const progress = createProgress('Import progress');
  const importButton = h('button', { type: 'button', disabled: true }, 'Import');
  const cancelButton = h('button', { type: 'button', disabled: true }, 'Cancel');
  const clearButton = h('button', { type: 'button', disabled: true }, 'Clear');
  const element = h(
    'section',
    { className: 'panel import-panel', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, 'Import exports'),
    h(
      'p',
      { className: 'hint' },
      'Seller Center → Finance → Statements → Export. Rows already in TTS Ledger are skipped.',
    ),
    dropZone,
    cards,
    progress.element,
    h('div', { className: 'buttons' }, importButton, cancelButton, clearButton),
  );

  function pending(): Entry[] {
    return entries.filter((e) => !e.imported);
  }

  function refreshButtons(): void {
    const waiting = pending().length > 0;
    importButton.classList.toggle('action', waiting);
    onPendingChange?.(waiting);
    importButton.disabled = busy !== null || !waiting;
    cancelButton.disabled = busy === null;
    clearButton.disabled = busy !== null || cards.childElementCount === 0;
    input.disabled = busy !== null;
  }

  /** Fills the card's "already imported" line; a ledger that cannot be read says why there. */
  async function showAlreadyImported(parsed: ParsedExport, card: HTMLElement): Promise<void> {
    const line = card.querySelector('.already');
    if (!line || parsed.rows.length === 0) return;
    try {
      const { present, another } = await countInLedgerRows(parsed, call);
      line.textContent = alreadyImportedText(present, parsed.rows.length, another, parsed.layout);
    } catch (error) {
      line.textContent = error instanceof Error ? error.message : String(error);
    }
  }

  async function addFiles(files: readonly File[]): Promise<void> {
    if (busy || files.length === 0) return;
    busy = 'reading';
    cancelRequested = false;
    refreshButtons();
    let added = 0;
    let costTables = 0;
    try {
      for (let i = 0; i < files.length && !cancelRequested; i++) {
        const file = files[i];
        const which = files.length > 1 ? ` (${i + 1} of ${files.length})` : '';
        // A unit cost table goes to TTS COGS, not to the ledger: its own card and button.
        const costs = await readCostTableFile(file);
        // Cancel pressed while the file was looked at as a cost table: nothing is read further.
        if (cancelRequested) break;
        if (costs) {
          cards.appendChild(renderCostCard(costs, call, onCostsSaved));
          costTables++;
          continue;
        }
        const outcome = await parser.parse(file, (stage, fraction) => {
          if (stage === 'reading' && fraction !== undefined)
            progress.show(fraction * 40, 100, `Reading ${file.name}${which}…`);
          else if (stage === 'parsing' && fraction !== undefined)
            progress.show(40 + fraction * 60, 100, `Parsing ${file.name}${which}…`);
          else progress.busy(`${stage === 'parsing' ? 'Parsing' : 'Checking'} ${file.name}${which}…`);
        });
        // Totals rows, non-ID cells, exact repeats and cut-short files are settled here, so the preview shows what will be written.
        const ready = readyFiles(outcome.files);
        for (const error of [...outcome.errors, ...ready.errors]) cards.appendChild(renderFileError(error));
        for (const parsed of ready.files) {
          const ads = parsed.ads ? renderAdsPreview(parsed) : undefined;
          const card = ads ? ads.element : renderPreview(parsed);
          if (ads) {
            rememberedClock ??= call('getAdsClock', null).catch(() => '');
            ads.setClock(await rememberedClock);
          }
          cards.appendChild(card);
          entries.push({ parsed, card, imported: false, ads });
          added++;
          await showAlreadyImported(parsed, card);
        }
      }
      const rows = pending().reduce((n, e) => n + rowsOf(e), 0);
      progress.idle(
        cancelRequested
          ? 'Reading cancelled.'
          : added > 0
            ? `Ready to import ${plural(rows, 'row')}.`
            : // A unit cost table alone was read: it has its own button on its card.
              costTables > 0
              ? `${plural(costTables, 'unit cost table')} read: add the costs on ${costTables === 1 ? 'its card' : 'their cards'}.`
              : 'No file could be read.',
      );
    } catch (error) {
      progress.idle(
        error instanceof ParseCancelled
          ? 'Reading cancelled.'
          : `Could not read the files: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      busy = null;
      refreshButtons();
    }
  }

  async function importAll(): Promise<ImportOutcome[]> {
    const todo = pending();
    if (busy || todo.length === 0) return [];
    busy = 'importing';
    cancelRequested = false;
    refreshButtons();
    const total = todo.reduce((n, e) => n + rowsOf(e), 0);
    const ledgerTodo = todo.filter((e) => !e.ads);
    progress.show(0, total, `Writing 0 of ${count(total)} rows…`);
    let outcomes: ImportOutcome[] = [];
    try {
      outcomes = await runImports(
        ledgerTodo.map((e) => e.parsed),
        {
          call,
          isCancelled: () => cancelRequested,
          onProgress: (sent, all) =>
            progress.show(sent, all, `Writing ${count(sent)} of ${count(all)} rows…`),
        },
      );
      for (const entry of todo) {
        if (!entry.ads) continue;
        outcomes.push(await importAdReport(entry.parsed, entry.ads, call, () => cancelRequested));
        // The server now remembers this clock: the next report's card starts with it.
        if (entry.ads.clock() !== '') rememberedClock = Promise.resolve(entry.ads.clock());
      }
      const entriesInOrder = [...ledgerTodo, ...todo.filter((e) => e.ads)];
      outcomes.forEach((outcome, i) => {
        const entry = entriesInOrder[i];
        // A cancelled or failed file stays pending: importing again adds only what is missing.
        entry.imported = outcome.status === 'complete';
        const result = entry.card.querySelector('.result');
        if (result) {
          result.textContent = outcomeText(outcome);
          result.className = `result ${outcome.status}`;
        }
      });
      const written = outcomes.reduce((n, o) => n + o.written, 0);
      const duplicates = outcomes.reduce((n, o) => n + o.duplicates, 0);
      const failed = outcomes.filter((o) => o.status === 'failed').length;
      const summary =
        `${cancelRequested ? 'Import cancelled' : 'Import finished'}: ${plural(written, 'new row')}, ${plural(duplicates, 'duplicate')} skipped` +
        (failed > 0 ? `, ${plural(failed, 'file')} failed.` : '.');
      progress.idle(summary);
    } finally {
      busy = null;
      refreshButtons();
    }
    onImported?.(outcomes);
    return outcomes;
  }

  input.addEventListener('change', () => {
    const files = input.files ? Array.from(input.files) : [];
    void addFiles(files).then(() => {
      input.value = '';
    });
  });
  dropZone.addEventListener('dragover', (e) => {
    e.preventDefault();
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (e) => {
    e.preventDefault();
    dropZone.classList.remove('dragging');
    const files = e.dataTransfer?.files ? Array.from(e.dataTransfer.files) : [];
    void addFiles(files);
  });
  importButton.addEventListener('click', () => {
    void importAll();
  });
  cancelButton.addEventListener('click', () => {
    cancelRequested = true;
    cancelButton.disabled = true;
    if (busy === 'reading') parser.cancel();
    else progress.busy('Cancelling after the current chunk…');
  });
  clearButton.addEventListener('click', () => {
    entries.length = 0;
    replaceChildren(cards);
    progress.idle('');
    refreshButtons();
  });

  return { element, addFiles, importAll };
}
