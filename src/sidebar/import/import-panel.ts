/**
 * The import panel: choose or drop export files → preview each → *Import* sends the rows to the
 * server chunk by chunk with a progress bar and a *Cancel* that stops after the current chunk.
 */
import type { ParsedExport } from '../../core/types';
import { h, replaceChildren } from '../dom';
import { outcomeText, renderFileError, renderPreview } from './file-preview';
import { count, plural } from '../format';
import { runImports, type ImportOutcome, type ServerCaller } from './import-runner';
import type { FileParser } from '../parsing/parse-in-worker';
import { ParseCancelled } from '../parsing/parse-protocol';
import { createProgress } from './progress';

export const FILE_INPUT_ID = 'import-files';
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Entry {
  parsed: ParsedExport;
  card: HTMLElement;
  imported: boolean;
}

export interface ImportPanelOptions {
  parser: FileParser;
  call: ServerCaller;
  /** After every import run (e.g. so the forecast panel can refresh). */
  onImported?: (outcomes: ImportOutcome[]) => void;
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
  const { parser, call, onImported, onPendingChange } = options;
  const entries: Entry[] = [];
  let busy: 'reading' | 'importing' | null = null;
  let cancelRequested = false;

  const input = h('input', { type: 'file', id: FILE_INPUT_ID, multiple: true, accept: ACCEPT, className: 'visually-hidden' });
  const chooseLabel = h('label', { for: FILE_INPUT_ID, className: 'button' }, 'Choose files…');
  const dropZone = h('div', { className: 'dropzone' }, input, chooseLabel, h('span', { className: 'hint' }, 'or drop CSV / XLSX exports here'));
  const cards = h('div', { className: 'cards' });
  const progress = createProgress('Import progress');
  const importButton = h('button', { type: 'button', disabled: true }, 'Import');
  const cancelButton = h('button', { type: 'button', disabled: true }, 'Cancel');
  const clearButton = h('button', { type: 'button', disabled: true }, 'Clear');
  const element = h('section', { className: 'panel import-panel', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, 'Import exports'),
    h('p', { className: 'hint' }, 'Seller Center → Finance → Statements → Export. Rows already in TTS Ledger are skipped.'),
    dropZone, cards, progress.element,
    h('div', { className: 'buttons' }, importButton, cancelButton, clearButton));

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

  async function addFiles(files: readonly File[]): Promise<void> {
    if (busy || files.length === 0) return;
    busy = 'reading';
    cancelRequested = false;
    refreshButtons();
    let added = 0;
    try {
      for (let i = 0; i < files.length && !cancelRequested; i++) {
        const file = files[i];
        const which = files.length > 1 ? ` (${i + 1} of ${files.length})` : '';
        const outcome = await parser.parse(file, (stage, fraction) => {
          if (stage === 'reading' && fraction !== undefined) progress.show(fraction * 40, 100, `Reading ${file.name}${which}…`);
          else progress.busy(`${stage === 'parsing' ? 'Parsing' : 'Checking'} ${file.name}${which}…`);
        });
        for (const error of outcome.errors) cards.appendChild(renderFileError(error));
        for (const parsed of outcome.files) {
          const card = renderPreview(parsed);
          cards.appendChild(card);
          entries.push({ parsed, card, imported: false });
          added++;
        }
      }
      const rows = pending().reduce((n, e) => n + e.parsed.rows.length, 0);
      progress.idle(cancelRequested
        ? 'Reading cancelled.'
        : added > 0 ? `Ready to import ${plural(rows, 'row')}.` : 'No file could be read.');
    } catch (error) {
      progress.idle(error instanceof ParseCancelled ? 'Reading cancelled.' : `Could not read the files: ${error instanceof Error ? error.message : String(error)}`);
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
    const total = todo.reduce((n, e) => n + e.parsed.rows.length, 0);
    progress.show(0, total, `Writing 0 of ${count(total)} rows…`);
    let outcomes: ImportOutcome[] = [];
    try {
      outcomes = await runImports(todo.map((e) => e.parsed), {
        call,
        isCancelled: () => cancelRequested,
        onProgress: (sent, all) => progress.show(sent, all, `Writing ${count(sent)} of ${count(all)} rows…`),
      });
      outcomes.forEach((outcome, i) => {
        const entry = todo[i];
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
      const summary = `${cancelRequested ? 'Import cancelled' : 'Import finished'}: ${plural(written, 'new row')}, ${plural(duplicates, 'duplicate')} skipped`
        + (failed > 0 ? `, ${plural(failed, 'file')} failed.` : '.');
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
    void addFiles(files).then(() => { input.value = ''; });
  });
  dropZone.addEventListener('dragover', (e) => { e.preventDefault(); dropZone.classList.add('dragging'); });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (e) => {
    e.preventDefault();
    dropZone.classList.remove('dragging');
    const files = e.dataTransfer?.files ? Array.from(e.dataTransfer.files) : [];
    void addFiles(files);
  });
  importButton.addEventListener('click', () => { void importAll(); });
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
