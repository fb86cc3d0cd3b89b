/**
 * The Unit costs panel: the sold SKUs that have no unit cost yet, each with a box to type it in,
 * and *Save unit costs* to write them to TTS COGS (the same merge as a dropped cost table). Net
 * profit is never silently computed with those SKUs at $0: this is where the seller fills them.
 */
import type { CostTableEntry } from '../../core/analysis/cost-import';
import { parseUnitCost } from '../../core/analysis/unit-cost';
import type { MissingUnitCosts } from '../../core/contract';
import { h, replaceChildren } from '../dom';
import { plural } from '../format';
import type { ServerCaller } from '../import/import-runner';

/** SKUs listed at once; the rest are in TTS COGS. */
const SHOWN = 20;

export interface MissingCostsPanel {
  element: HTMLElement;
  refresh(): Promise<void>;
}

export function createMissingCostsPanel(call: ServerCaller, onSaved?: () => void): MissingCostsPanel {
  const body = h('div', {});
  const status = h('p', { className: 'result', 'aria-live': 'polite' });
  const element = h(
    'section',
    { className: 'panel costs-panel', 'aria-labelledby': 'costs-title' },
    h('h2', { id: 'costs-title' }, 'Unit costs'),
    body,
    status,
  );

  function render(missing: MissingUnitCosts): void {
    if (missing.skus.length === 0) {
      replaceChildren(
        body,
        h(
          'p',
          { className: 'hint' },
          'Every sold SKU has a unit cost in TTS COGS. Drop a cost table above to change them, or edit the tab.',
        ),
      );
      return;
    }
    const inputs = missing.skus.slice(0, SHOWN).map((s) => {
      const id = `unit-cost-${s.sku}`;
      const input = h('input', {
        type: 'text',
        id,
        inputmode: 'decimal',
        placeholder: '0.00',
        'data-sku': s.sku,
        size: 8,
      });
      const label = [s.productName, s.skuName].filter(Boolean).join(' — ') || s.sellerSku || s.sku;
      return {
        input,
        row: h(
          'div',
          { className: 'cost-row' },
          h(
            'label',
            { for: id },
            h('span', { className: 'sku-name' }, label),
            h('span', { className: 'hint' }, ` ${s.sku}`),
          ),
          input,
        ),
      };
    });
    const save = h('button', { type: 'button' }, 'Save unit costs');
    save.addEventListener('click', () => {
      const entries: CostTableEntry[] = [];
      for (const [i, { input }] of inputs.entries()) {
        const text = input.value.trim();
        if (text === '') continue;
        const unitCost = parseUnitCost(text);
        if (Number.isNaN(unitCost) || unitCost < 0) {
          status.textContent = `${input.dataset.sku}: expected a unit cost such as 6.50 or 0.125, found “${text}”.`;
          status.className = 'result failed';
          input.focus();
          return;
        }
        entries.push({ sku: input.dataset.sku!, unitCost, effectiveFrom: '', row: i + 1 });
      }
      if (entries.length === 0) {
        status.textContent = 'Type a unit cost for at least one SKU.';
        return;
      }
      save.disabled = true;
      status.textContent = 'Writing unit costs…';
      call('saveUnitCosts', { fileName: 'Unit costs panel', entries }).then(
        (saved) => {
          status.textContent = `${saved.message} Refresh the dashboard to see net profit after product cost.`;
          status.className = 'result complete';
          onSaved?.();
          return refresh();
        },
        (error: unknown) => {
          save.disabled = false;
          status.textContent = `Could not write the unit costs: ${error instanceof Error ? error.message : String(error)}`;
          status.className = 'result failed';
        },
      );
    });
    replaceChildren(
      body,
      h(
        'p',
        {},
        `${plural(missing.skus.length, 'sold SKU')} ${missing.skus.length === 1 ? 'has' : 'have'}` +
          ` no unit cost: net profit is before their product cost. Type the cost ` +
          `per unit (up to 4 decimals):`,
      ),
      ...inputs.map((i) => i.row),
      missing.skus.length > SHOWN
        ? h('p', { className: 'hint' }, `and ${missing.skus.length - SHOWN} more in the TTS COGS tab`)
        : null,
      h('div', { className: 'buttons' }, save),
    );
  }

  async function refresh(): Promise<void> {
    try {
      render(await call('getMissingUnitCosts', null));
    } catch (error) {
      replaceChildren(
        body,
        h(
          'p',
          { className: 'error-message' },
          `Could not read TTS COGS: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
  }

  return { element, refresh };
}
