// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createImportPanel } from '../../src/sidebar/import/import-panel';
import { createFileParser } from '../../src/sidebar/parsing/parse-in-worker';
import type { FileParser } from '../../src/sidebar/parsing/parse-in-worker';
import type { ParseOutcome } from '../../src/sidebar/parsing/parse-protocol';
import { fakeServer } from './fake-server';
import { parsedExport } from './parsed-fixture';

/** A parser that answers from a table by file name. */
function fakeParser(outcomes: Record<string, ParseOutcome>): FileParser & { cancelled: number } {
  return {
    usesWorker: true,
    cancelled: 0,
    async parse(file, onStage) {
      onStage?.('reading', 1);
      onStage?.('parsing');
      return (
        outcomes[file.name] ?? {
          files: [],
          errors: [{ fileName: file.name, message: `${file.name}: unknown` }],
        }
      );
    },
    cancel() {
      this.cancelled++;
    },
  };
}

const file = (name: string) => new File(['x'], name, { type: 'text/csv' });

function mount(outcomes: Record<string, ParseOutcome>) {
  const server = fakeServer();
  const imported: unknown[] = [];
  const panel = createImportPanel({
    parser: fakeParser(outcomes),
    call: server.call,
    onImported: (o) => imported.push(o),
  });
  document.body.replaceChildren(panel.element);
  const button = (name: string) =>
    [...panel.element.querySelectorAll('button')].find((b) => b.textContent === name)!;
  const status = () => panel.element.querySelector('.progress-status')!.textContent;
  return { panel, server, imported, button, status };
}

describe('the import panel', () => {
  it('offers a real, labelled file input and a live status region', () => {
    const { panel } = mount({});
    const input = panel.element.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain('.csv');
    expect(input.accept).toContain('.xlsx');
    expect(panel.element.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Choose files…');
    expect(panel.element.querySelector('.progress-status')?.getAttribute('aria-live')).toBe('polite');
    expect(panel.element.querySelector('[role=progressbar]')).not.toBeNull();
  });

  it('previews each file, shows an unreadable one on its own card, and keeps the others importable', async () => {
    const { panel, button, status } = mount({
      'may.csv': { files: [parsedExport(3)], errors: [] },
      'notes.pdf': {
        files: [],
        errors: [{ fileName: 'notes.pdf', message: 'notes.pdf: expected a CSV or XLSX export.' }],
      },
    });
    expect(button('Import').disabled).toBe(true);
    await panel.addFiles([file('may.csv'), file('notes.pdf')]);
    const cards = panel.element.querySelectorAll('.file-card');
    expect(cards).toHaveLength(2);
    expect(cards[1].classList.contains('error')).toBe(true);
    expect(cards[1].textContent).toContain('notes.pdf: expected a CSV or XLSX export.');
    expect(status()).toBe('Ready to import 3 rows.');
    expect(button('Import').disabled).toBe(false);
  });

  it('imports, reports new and duplicate rows per file, and will not send the same file twice', async () => {
    const { panel, button, status, server, imported } = mount({
      'may.csv': { files: [parsedExport(3)], errors: [] },
    });
    await panel.addFiles([file('may.csv')]);
    await panel.importAll();
    expect(panel.element.querySelector('.result')?.textContent).toBe(
      'Imported: 3 new rows, 0 duplicates skipped, 0 rejected; 1 new SKU added to TTS COGS.',
    );
    expect(status()).toBe('Import finished: 3 new rows, 0 duplicates skipped.');
    expect(button('Import').disabled).toBe(true);
    expect(imported).toHaveLength(1);
    await panel.addFiles([file('may.csv')]);
    await panel.importAll();
    expect(panel.element.querySelectorAll('.result')[1].textContent).toBe(
      'Imported: 0 new rows, 3 duplicates skipped, 0 rejected; 1 new SKU added to TTS COGS.',
    );
    expect(server.calls.filter((c) => c.name === 'beginImport')).toHaveLength(2);
  });

  it('Cancel during an import stops after the chunk in flight and says so', async () => {
    const { panel, button, server, status } = mount({
      'big.csv': { files: [parsedExport(4500)], errors: [] },
    });
    await panel.addFiles([file('big.csv')]);
    server.beforeChunk = (i) => {
      if (i === 0) button('Cancel').click();
    };
    await panel.importAll();
    expect(server.calls.filter((c) => c.name === 'importChunk')).toHaveLength(1);
    expect(panel.element.querySelector('.result')?.textContent).toMatch(/^Cancelled: \d[\d,]* new rows/);
    expect(status()).toMatch(/^Import cancelled:/);
    // The rest can still be imported: the file stays pending.
    expect(button('Import').disabled).toBe(false);
  });

  it('Clear empties the list', async () => {
    const { panel, button } = mount({ 'may.csv': { files: [parsedExport(3)], errors: [] } });
    await panel.addFiles([file('may.csv')]);
    button('Clear').click();
    expect(panel.element.querySelectorAll('.file-card')).toHaveLength(0);
    expect(button('Import').disabled).toBe(true);
  });

  it('Cancel pressed right after the drop leaves no card and nothing to import', async () => {
    const parser = createFileParser(() => {
      throw new Error('Workers are not allowed here');
    });
    const panel = createImportPanel({ parser, call: fakeServer().call });
    document.body.replaceChildren(panel.element);
    const button = (name: string) =>
      [...panel.element.querySelectorAll('button')].find((b) => b.textContent === name)!;
    const sample = readFileSync('samples/statement-2026-05.csv');
    const done = panel.addFiles([new File([sample], 'statement-2026-05.csv', { type: 'text/csv' })]);
    // Lands while the file is still being looked at as a possible unit cost table.
    button('Cancel').click();
    await done;
    expect(panel.element.querySelector('.progress-status')!.textContent).toBe('Reading cancelled.');
    expect(panel.element.querySelectorAll('.file-card')).toHaveLength(0);
    expect(button('Import').disabled).toBe(true);
  });
});
