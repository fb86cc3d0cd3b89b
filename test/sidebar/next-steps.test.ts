// @vitest-environment happy-dom
/**
 * The way from an import to the answer, in the sidebar: after Import, *Refresh dashboard* is the
 * one primary action beside *Open ledger* (and *Fill unit costs* when new SKUs need one); buttons
 * are disabled while a call runs; a failure is shown, never swallowed.
 */
import { describe, expect, it } from 'vitest';
import type { DashboardFreshness, ServerHandlerName } from '../../src/core/contract';
import { createImportPanel } from '../../src/sidebar/import/import-panel';
import type { ImportOutcome, ServerCaller } from '../../src/sidebar/import/import-runner';
import { createNextSteps } from '../../src/sidebar/next-steps';
import type { FileParser } from '../../src/sidebar/parsing/parse-in-worker';
import { parsedExport } from './parsed-fixture';

const outcome = (o: Partial<ImportOutcome>): ImportOutcome =>
  ({
    fileName: 'statement.csv',
    written: 195,
    duplicates: 0,
    rejected: 0,
    status: 'complete',
    cogsAdded: 7,
    ...o,
  }) as ImportOutcome;

function server(answers: Partial<Record<ServerHandlerName, (arg: unknown) => unknown>>) {
  const calls: string[] = [];
  let release: (() => void) | null = null;
  const call = (async (name: ServerHandlerName, arg: unknown) => {
    calls.push(name);
    if (name === 'refreshDashboard')
      await new Promise<void>((r) => {
        release = r;
      });
    const answer = answers[name];
    if (!answer) throw new Error(`unexpected ${name}`);
    return answer(arg);
  }) as ServerCaller;
  return { call, calls, release: () => release?.() };
}

const stale: DashboardFreshness = {
  exists: true,
  stale: true,
  message:
    'Out of date: 195 new ledger rows from 1 import since 2026-12-06 14:05 (statement.csv), not shown here. Use Refresh dashboard.',
};
const fresh: DashboardFreshness = {
  exists: true,
  stale: false,
  message: 'Up to date with TTS Ledger (refreshed 2026-12-06 14:06).',
};

const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;
const enabledPrimaries = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLButtonElement>('button.action')].filter(
    (b) => !b.disabled && !b.closest('[hidden]'),
  );

describe('Next, after an import', () => {
  it('offers Refresh dashboard (primary), Open ledger and Fill unit costs', () => {
    const s = server({});
    const next = createNextSteps({ call: s.call });
    document.body.replaceChildren(next.element);
    expect(next.element.hidden).toBe(true);
    next.showImported([outcome({})]);
    expect(next.element.hidden).toBe(false);
    expect(next.element.querySelector('.next-summary')!.textContent).toBe(
      '195 new rows in TTS Ledger. 7 new SKUs in TTS COGS need a unit cost. Refresh the dashboard to see them in your profit and forecast.',
    );
    expect(enabledPrimaries(next.element).map((b) => b.textContent)).toEqual(['Refresh dashboard']);
    expect(button(next.element, 'Fill unit costs').hidden).toBe(false);
    next.showImported([outcome({ written: 0, duplicates: 195, cogsAdded: 0 })]);
    expect(next.element.querySelector('.next-summary')!.textContent).toBe(
      'No new rows: everything was already in TTS Ledger.',
    );
    expect(button(next.element, 'Fill unit costs').hidden).toBe(true);
  });

  it('after unit costs are added from a file, no longer asks for them', () => {
    const next = createNextSteps({ call: server({}).call });
    document.body.replaceChildren(next.element);
    next.showImported([outcome({})]);
    next.costsSaved(8);
    expect(next.element.querySelector('.next-summary')!.textContent).toBe(
      '8 unit costs saved in TTS COGS. Refresh the dashboard to see them in your profit.',
    );
    expect(button(next.element, 'Fill unit costs').hidden).toBe(true);
    expect(enabledPrimaries(next.element).map((b) => b.textContent)).toEqual(['Refresh dashboard']);
  });

  it('refreshes with every button disabled meanwhile, then says the dashboard is up to date', async () => {
    let refreshed = 0;
    const s = server({
      refreshDashboard: () => ({
        message: 'TTS Dashboard refreshed: 2 months of sales, 4 charts.',
        months: 2,
        charts: 4,
      }),
      getDashboardFreshness: () => fresh,
    });
    const next = createNextSteps({ call: s.call, onRefreshed: () => refreshed++ });
    document.body.replaceChildren(next.element);
    next.showImported([outcome({})]);
    button(next.element, 'Refresh dashboard').click();
    await Promise.resolve();
    expect([...next.element.querySelectorAll('button')].every((b) => b.disabled)).toBe(true);
    button(next.element, 'Refresh dashboard').click(); // a second click while busy does nothing
    s.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(s.calls).toEqual(['refreshDashboard', 'getDashboardFreshness']);
    expect(next.element.querySelector('.next-result')!.textContent).toBe(
      'TTS Dashboard refreshed: 2 months of sales, 4 charts.',
    );
    expect(next.element.querySelector('.next-summary')!.textContent).toBe(fresh.message);
    expect(refreshed).toBe(1);
    expect([...next.element.querySelectorAll('button')].some((b) => b.disabled)).toBe(false);
  });

  it('shows a failed call in the sidebar', async () => {
    const s = server({});
    const next = createNextSteps({ call: s.call });
    document.body.replaceChildren(next.element);
    next.showImported([outcome({})]);
    button(next.element, 'Open ledger').click();
    await new Promise((r) => setTimeout(r, 0));
    expect(next.element.querySelector('.next-result.failed')!.textContent).toBe('unexpected openTab');
  });

  it('on opening, says the dashboard is out of date only while it is', async () => {
    const staleNext = createNextSteps({ call: server({ getDashboardFreshness: () => stale }).call });
    await staleNext.refresh();
    expect(staleNext.element.hidden).toBe(false);
    expect(staleNext.element.querySelector('.next-summary')!.textContent).toBe(stale.message);
    const freshNext = createNextSteps({ call: server({ getDashboardFreshness: () => fresh }).call });
    await freshNext.refresh();
    expect(freshNext.element.hidden).toBe(true);
  });
});

describe('one primary button in the sidebar', () => {
  it('Import while files wait, Refresh dashboard once they are imported', async () => {
    const parser: FileParser = {
      usesWorker: true,
      async parse(f) {
        return { files: [parsedExport(3, { fileName: f.name })], errors: [] };
      },
      cancel() {},
    } as FileParser;
    const s = server({
      countInLedger: () => ({ present: 0 }),
      beginImport: () => ({ importId: '20261206-140000-abcd' }),
      importChunk: (arg) => ({ written: (arg as { rows: unknown[] }).rows.length, duplicates: 0 }),
      finishImport: () => ({
        importId: '20261206-140000-abcd',
        fileName: 'a.csv',
        written: 1,
        duplicates: 0,
        rejected: 0,
        status: 'complete',
        cogsAdded: 0,
      }),
    });
    const next = createNextSteps({ call: s.call });
    const panel = createImportPanel({
      parser,
      call: s.call,
      onPendingChange: (p) => next.setImportPending(p),
      onImported: (o) => next.showImported(o),
    });
    document.body.replaceChildren(panel.element, next.element);
    expect(enabledPrimaries(document.body)).toEqual([]);
    await panel.addFiles([new File(['x'], 'a.csv')]);
    expect(enabledPrimaries(document.body).map((b) => b.textContent)).toEqual(['Import']);
    await panel.importAll();
    expect(enabledPrimaries(document.body).map((b) => b.textContent)).toEqual(['Refresh dashboard']);
    await panel.addFiles([new File(['x'], 'b.csv')]);
    expect(enabledPrimaries(document.body).map((b) => b.textContent)).toEqual(['Import']);
  });
});
