/**
 * The card of a dropped cost table: what adding its unit costs to TTS COGS would do (SKUs getting
 * their first cost, new SKUs, new dates, changed costs, SKUs never sold), then *Add unit costs*.
 * A changed cost is replaced only when the seller ticks the box that lists it.
 */
import type { CostTableFile } from '../../core/analysis/cost-import';
import { formatUnitCost } from '../../core/analysis/unit-cost';
import type { UnitCostsPreview } from '../../core/contract';
import { h, replaceChildren } from '../dom';
import { plural } from '../format';
import type { ServerCaller } from '../import/import-runner';

const SHOWN = 5;

function list(items: string[]): HTMLElement {
  return h(
    'ul',
    {},
    ...items.slice(0, SHOWN).map((item) => h('li', {}, item)),
    items.length > SHOWN ? h('li', { className: 'more' }, `and ${items.length - SHOWN} more`) : null,
  );
}

function facts(preview: UnitCostsPreview): HTMLElement {
  const lines: (HTMLElement | null)[] = [
    preview.fills > 0 ? h('li', {}, `${plural(preview.fills, 'SKU')} in TTS COGS get their unit cost`) : null,
    preview.newSkus.length > 0
      ? h('li', {}, `${plural(preview.newSkus.length, 'new SKU')} added to TTS COGS`)
      : null,
    preview.appends - preview.newSkus.length > 0
      ? h('li', {}, `${plural(preview.appends - preview.newSkus.length, 'cost')} from a new date`)
      : null,
    preview.unchanged > 0 ? h('li', {}, `${plural(preview.unchanged, 'cost')} already in TTS COGS`) : null,
  ];
  return h('ul', { className: 'facts-list' }, ...lines);
}

/** The card for one cost table; `onSaved` runs after the costs are written, with how many. */
export function renderCostCard(
  table: CostTableFile,
  call: ServerCaller,
  onSaved?: (written: number) => void,
): HTMLElement {
  const card = h(
    'article',
    { className: 'file-card cost-card', 'data-file': table.fileName },
    h('h3', {}, table.fileName),
  );
  if (table.error) {
    card.classList.add('error');
    card.setAttribute('role', 'alert');
    card.appendChild(h('p', { className: 'error-message' }, table.error));
    return card;
  }
  const body = h(
    'div',
    {},
    h(
      'p',
      { className: 'hint' },
      `Unit cost table: ${plural(table.entries.length, 'cost')}. Checking TTS COGS…`,
    ),
  );
  const result = h('p', { className: 'result', 'aria-live': 'polite' });
  card.append(body, result);
  const request = { fileName: table.fileName, entries: table.entries };
  void call('previewUnitCosts', request).then(
    (preview) => {
      const replace = h('input', { type: 'checkbox', id: `replace-${table.fileName}` });
      const button = h('button', { type: 'button', className: 'action' }, 'Add unit costs');
      replaceChildren(
        body,
        h('p', {}, `Unit cost table: ${plural(table.entries.length, 'cost')}.`),
        facts(preview),
        preview.neverSold.length > 0
          ? h(
              'div',
              { className: 'check warn' },
              h(
                'p',
                {},
                `${plural(preview.neverSold.length, 'SKU')} never sold in your imports (kept anyway):`,
              ),
              list(preview.neverSold),
            )
          : null,
        preview.changes.length > 0
          ? h(
              'div',
              { className: 'check warn' },
              h('p', {}, `${plural(preview.changes.length, 'cost')} differ from TTS COGS:`),
              list(
                preview.changes.map(
                  (c) =>
                    `${c.sku}${c.effectiveFrom ? ` from ${c.effectiveFrom}` : ''}: ` +
                    `${formatUnitCost(c.from)} → ${formatUnitCost(c.to)}${c.hasParts ? ' (split in parts: change it in TTS COGS)' : ''}`,
                ),
              ),
              h(
                'label',
                { for: replace.id },
                replace,
                ` Replace ${preview.changes.length === 1 ? 'it' : 'them'} with the file's cost`,
              ),
            )
          : null,
        h('div', { className: 'buttons' }, button),
      );
      button.addEventListener('click', () => {
        button.disabled = true;
        result.textContent = 'Writing unit costs…';
        call('saveUnitCosts', { ...request, replaceChanged: replace.checked }).then(
          (saved) => {
            result.textContent = `${saved.message} Refresh the dashboard to see net profit after product cost.`;
            result.className = 'result complete';
            onSaved?.(saved.written + saved.replaced);
          },
          (error: unknown) => {
            button.disabled = false;
            result.textContent = `Could not write the unit costs: ${error instanceof Error ? error.message : String(error)}`;
            result.className = 'result failed';
          },
        );
      });
    },
    (error: unknown) => {
      replaceChildren(
        body,
        h(
          'p',
          { className: 'error-message' },
          `Could not check TTS COGS: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    },
  );
  return card;
}
