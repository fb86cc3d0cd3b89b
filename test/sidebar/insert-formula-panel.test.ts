// @vitest-environment happy-dom
/**
 * Insert formula in the sidebar: lists the tabs the server found, disables itself while a call
 * runs, asks before replacing a cell, and shows every refusal in the panel.
 */
import { describe, expect, it } from 'vitest';
import type {
  FormulaSources,
  InsertFormulaRequest,
  InsertFormulaResult,
  ServerHandlerName,
} from '../../src/core/contract';
import type { ServerCaller } from '../../src/sidebar/import/import-runner';
import { createInsertFormulaPanel } from '../../src/sidebar/insert-formula-panel';

const SOURCES: FormulaSources = {
  sources: [
    { name: 'TTS Ledger', lastColumn: 33, layout: 'TTS Ledger tab' },
    { name: 'Statement', lastColumn: 64, layout: 'US Statement export (2024 CSV)' },
  ],
  cogs: { name: 'TTS COGS', lastColumn: 6 },
  cell: 'Sheet1!B2',
};

function mount(insert: (req: InsertFormulaRequest) => InsertFormulaResult) {
  const requests: InsertFormulaRequest[] = [];
  const call = (async (name: ServerHandlerName, arg: unknown) => {
    await Promise.resolve();
    if (name === 'listFormulaSources') return SOURCES;
    if (name === 'insertFormula') {
      requests.push(arg as InsertFormulaRequest);
      return insert(arg as InsertFormulaRequest);
    }
    throw new Error(`unexpected ${name}`);
  }) as ServerCaller;
  const panel = createInsertFormulaPanel({ call });
  document.body.replaceChildren(panel.element);
  const button = (name: string) =>
    [...panel.element.querySelectorAll('button')].find((b) => b.textContent === name)!;
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { panel, requests, button, settle };
}

describe('Insert formula panel', () => {
  it('lists the tabs with their layout and says where the formula goes', async () => {
    const { panel, settle } = mount(() => {
      throw new Error('no');
    });
    await settle();
    expect([...panel.element.querySelectorAll('#formula-source option')].map((o) => o.textContent)).toEqual([
      'TTS Ledger (TTS Ledger tab)',
      'Statement (US Statement export (2024 CSV))',
    ]);
    expect(panel.element.querySelector('.note')!.textContent).toBe(
      'The formula goes into the selected cell (now Sheet1!B2).',
    );
    expect(panel.element.querySelectorAll('label').length).toBe(2);
  });

  it('asks before replacing, then sends overwrite: true; Cancel changes nothing', async () => {
    const { panel, requests, button, settle } = mount((req) =>
      req.overwrite
        ? { status: 'inserted', cell: 'Sheet1!B2', formula: "=TTS_FEES('Statement'!A:BL)" }
        : {
            status: 'confirm',
            cell: 'Sheet1!B2',
            formula: "=TTS_FEES('Statement'!A:BL)",
            existing: 'My notes',
          },
    );
    await settle();
    (panel.element.querySelector('#formula-function') as HTMLSelectElement).value = 'TTS_FEES';
    (panel.element.querySelector('#formula-source') as HTMLSelectElement).value = 'Statement';
    button('Insert').click();
    expect(button('Insert').disabled).toBe(true);
    await settle();
    expect(panel.element.querySelector('.formula-message.warn')!.textContent).toBe(
      "Sheet1!B2 holds My notes. Replace it with =TTS_FEES('Statement'!A:BL)?",
    );
    button('Cancel').click();
    expect(panel.element.querySelector('.formula-message')!.textContent).toBe('Nothing was changed.');
    button('Insert').click();
    await settle();
    button('Replace').click();
    await settle();
    expect(requests).toEqual([
      { fn: 'TTS_FEES', source: 'Statement', overwrite: false },
      { fn: 'TTS_FEES', source: 'Statement', overwrite: false },
      { fn: 'TTS_FEES', source: 'Statement', overwrite: true },
    ]);
    expect(panel.element.querySelector('.formula-message.complete')!.textContent).toBe(
      "Inserted in Sheet1!B2: =TTS_FEES('Statement'!A:BL)",
    );
    expect(button('Insert').disabled).toBe(false);
  });

  it("shows the server's refusal in the panel", async () => {
    const { panel, button, settle } = mount(() => {
      throw new Error('TTS Ledger!A2 is in the TTS Ledger tab, which TTS Profit rewrites.');
    });
    await settle();
    button('Insert').click();
    await settle();
    expect(panel.element.querySelector('.formula-message.failed')!.textContent).toBe(
      'TTS Ledger!A2 is in the TTS Ledger tab, which TTS Profit rewrites.',
    );
  });
});
