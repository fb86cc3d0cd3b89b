import { describe, expect, it } from 'vitest';
import { buildCogsTable, unitCostOn } from '../../src/core/analysis/cogs';
import type { LedgerRow } from '../../src/core/types';

function sale(skuId: string, sellerSku: string, orderDate: string): LedgerRow {
  return {
    key: `k-${skuId}-${orderDate}`, layout: 'statement', type: 'Order', statementId: 'S1', orderId: '577000000000000001',
    relatedOrderId: '', skuId, sellerSku, productName: '', skuName: '', quantity: 1, orderDate, statementDate: '',
    currency: 'USD', amounts: {}, unknown: {}, source: { file: 'test', row: 2 },
  };
}

describe('COGS from the TTS COGS tab (columns found by header)', () => {
  const tab = [
    ['SKU ID', 'Seller SKU', 'Product name', 'SKU name', 'Unit cost', 'Effective from'],
    ['1732440158393635811', 'SERUM-30', 'Face serum', '30 ml', '4.50', ''],
    ['1732440158393635811', 'SERUM-30', 'Face serum', '30 ml', 5, '2026-05-01'],
    ['1732440158393635812', 'LAMP', 'Desk lamp', 'White', '', ''],
    ['', 'MAT-SET', 'Baking mat', 'Set', '$2.25', ''],
  ];

  it('uses the cost in force on the order date: $4.50 before 1 May 2026, $5.00 from then on', () => {
    const table = buildCogsTable(tab, 'TTS COGS');
    expect(unitCostOn(table, sale('1732440158393635811', 'SERUM-30', '2026-04-30'))).toBe(450);
    expect(unitCostOn(table, sale('1732440158393635811', 'SERUM-30', '2026-05-01'))).toBe(500);
  });

  it('leaves out a SKU whose unit cost is still blank, and matches a row without SKU ID by seller SKU', () => {
    const table = buildCogsTable(tab, 'TTS COGS');
    expect(unitCostOn(table, sale('1732440158393635812', 'LAMP', '2026-05-02'))).toBeUndefined();
    expect(unitCostOn(table, sale('1732440158393635899', 'MAT-SET', '2026-05-02'))).toBe(225);
  });

  it('names the row, column letter and header of a cost it cannot read', () => {
    const bad = [tab[0], ['1732440158393635811', '', '', '', 'ten dollars', '']];
    expect(() => buildCogsTable(bad, 'TTS COGS')).toThrow('TTS COGS row 2, column E (Unit cost): expected an amount, found `ten dollars`.');
  });

  it('refuses a SKU ID that the sheet already turned into a number with lost digits', () => {
    const bad = [tab[0], [1.7324401583936358e18, '', '', '', 3, '']];
    expect(() => buildCogsTable(bad, 'TTS COGS')).toThrow('TTS COGS row 2, column A (SKU ID): the SKU 1.7324401583936358E+18 lost its last digits');
  });
});

describe('COGS from a plain range: SKU, unit cost, effective from', () => {
  it('reads positional columns with or without a header row', () => {
    const withHeader = buildCogsTable([['Item', 'Price paid'], ['TANK', 3]]);
    const without = buildCogsTable([['TANK', 3]]);
    for (const table of [withHeader, without]) expect(unitCostOn(table, sale('', 'TANK', '2026-01-05'))).toBe(300);
  });

  it('an explicit cost of 0 is a cost, not a missing one', () => {
    expect(unitCostOn(buildCogsTable([['FREEBIE', 0]]), sale('FREEBIE', '', '2026-01-05'))).toBe(0);
  });
});
