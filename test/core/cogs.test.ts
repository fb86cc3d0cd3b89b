import { describe, expect, it } from 'vitest';
import { buildCogsTable, skuText, unitCostOn } from '../../src/core/analysis/cogs';
import { netProfit } from '../../src/core/analysis/pnl';
import { formatUnitCost, lineCostCents, parseUnitCost } from '../../src/core/analysis/unit-cost';
import type { LedgerRow } from '../../src/core/types';

function sale(skuId: string, sellerSku: string, orderDate: string): LedgerRow {
  return {
    key: `k-${skuId}-${orderDate}`,
    layout: 'statement',
    type: 'Order',
    statementId: 'S1',
    orderId: '577000000000000001',
    relatedOrderId: '',
    skuId,
    sellerSku,
    productName: '',
    skuName: '',
    quantity: 1,
    orderDate,
    statementDate: '',
    currency: 'USD',
    amounts: {},
    unknown: {},
    source: { file: 'test', row: 2 },
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
    expect(unitCostOn(table, sale('1732440158393635811', 'SERUM-30', '2026-04-30'))).toBe(45_000); // ten-thousandths of a dollar
    expect(unitCostOn(table, sale('1732440158393635811', 'SERUM-30', '2026-05-01'))).toBe(50_000);
  });

  it('leaves out a SKU whose unit cost is still blank, and matches a row without SKU ID by seller SKU', () => {
    const table = buildCogsTable(tab, 'TTS COGS');
    expect(unitCostOn(table, sale('1732440158393635812', 'LAMP', '2026-05-02'))).toBeUndefined();
    expect(unitCostOn(table, sale('1732440158393635899', 'MAT-SET', '2026-05-02'))).toBe(22_500);
  });

  it('names the row, column letter and header of a cost it cannot read', () => {
    const bad = [tab[0], ['1732440158393635811', '', '', '', 'ten dollars', '']];
    expect(() => buildCogsTable(bad, 'TTS COGS')).toThrow(
      'TTS COGS row 2, column E (Unit cost): expected a unit cost such as 6.50 or 0.125, found `ten dollars`.',
    );
  });

  it('refuses a SKU ID that the sheet already turned into a number with lost digits', () => {
    const bad = [tab[0], [1.7324401583936358e18, '', '', '', 3, '']];
    expect(() => buildCogsTable(bad, 'TTS COGS')).toThrow(
      'TTS COGS row 2, column A (SKU ID): the SKU 1.7324401583936358E+18 lost its last digits',
    );
  });
});

describe('COGS from a plain range: SKU, unit cost, effective from', () => {
  it('reads positional columns with or without a header row', () => {
    const withHeader = buildCogsTable([
      ['Item', 'Price paid'],
      ['TANK', 3],
    ]);
    const without = buildCogsTable([['TANK', 3]]);
    for (const table of [withHeader, without])
      expect(unitCostOn(table, sale('', 'TANK', '2026-01-05'))).toBe(30_000);
  });

  it('a cost of 0 is no unit cost (a =SUM of blank parts gives it): the sale has none in force', () => {
    expect(unitCostOn(buildCogsTable([['FREEBIE', 0]]), sale('FREEBIE', '', '2026-01-05'))).toBeUndefined();
    // A later $0 row is a cost not filled in yet: from its date the SKU has none, not the old one.
    const table = buildCogsTable([
      ['TANK', 3, '2026-01-01'],
      ['TANK', 0, '2026-03-01'],
    ]);
    expect(unitCostOn(table, sale('', 'TANK', '2026-02-28'))).toBe(30_000);
    expect(unitCostOn(table, sale('', 'TANK', '2026-03-01'))).toBeUndefined();
  });
});

describe('a cost sheet saved by Excel: dollar signs, thousands separators, US slash dates', () => {
  const saved = [
    ['SKU', 'Unit cost', 'Effective from'],
    ['1732440158393635811', '$6.50', ''],
    ['1732440158393635811', '$7.00', '5/1/2026'],
    ['1732440158394101177', '$1,208.20', ''],
  ];

  it('reads 5/1/2026 as 1 May 2026 (month first, as US sheets write it): $6.50 in April, $7.00 from May', () => {
    const table = buildCogsTable(saved, 'cogs.csv');
    expect(unitCostOn(table, sale('1732440158393635811', '', '2026-04-30'))).toBe(65_000);
    expect(unitCostOn(table, sale('1732440158393635811', '', '2026-05-01'))).toBe(70_000);
    expect(unitCostOn(table, sale('1732440158394101177', '', '2026-05-01'))).toBe(12_082_000);
  });

  it('reads 13/5/2026 day first, and the whole column with it (1/5/2026 is then 1 May)', () => {
    const rows = [
      ...saved.slice(0, 2),
      ['1732440158393635811', '$7.00', '1/5/2026'],
      ['1732440158394101177', '$9.00', '13/5/2026'],
    ];
    const table = buildCogsTable(rows, 'cogs.csv');
    expect(unitCostOn(table, sale('1732440158393635811', '', '2026-04-30'))).toBe(65_000);
    expect(unitCostOn(table, sale('1732440158393635811', '', '2026-05-01'))).toBe(70_000);
  });

  it('refuses a column that writes dates both ways, naming both rows', () => {
    const rows = [
      ...saved.slice(0, 2),
      ['1732440158393635811', '$7.00', '5/13/2026'],
      ['1732440158394101177', '$9.00', '13/5/2026'],
    ];
    expect(() => buildCogsTable(rows, 'cogs.csv')).toThrow(
      /cogs\.csv: column \*Effective from\* has dates written both ways: row 3 has `5\/13\/2026` \(month first\) and row 4 has `13\/5\/2026` \(day first\)/,
    );
  });
});

describe('unit costs with fractions of a cent (up to 4 decimals)', () => {
  const bulk = (quantity: number, orderDate = '2026-05-02'): LedgerRow => ({
    ...sale('BOLT', '', orderDate),
    quantity,
    amounts: { gross_sales: quantity * 10, total_settlement_amount: quantity * 10 },
  });

  it('costs 1,000 units at $0.125 as $125.00, not $130.00 (the cost rounded to $0.13 first)', () => {
    for (const cost of [0.125, '0.125', '$0.125', ' 0.1250 ']) {
      const table = buildCogsTable([
        ['SKU', 'Unit cost'],
        ['BOLT', cost],
      ]);
      expect(unitCostOn(table, bulk(1000))).toBe(1250);
      expect(netProfit([bulk(1000)], table).cogs).toBe(12_500);
    }
  });

  it('rounds a line once, half up: 3 × $0.125 = $0.375 → $0.38; 7 × $0.3333 = $2.3331 → $2.33', () => {
    expect(lineCostCents(3, 1250)).toBe(38);
    expect(lineCostCents(7, 3333)).toBe(233);
    expect(lineCostCents(1, 49)).toBe(0);
    expect(lineCostCents(1, 50)).toBe(1);
    // Past 2^53 the product goes through exact BigInt decimals: 2e9 × $9,999.9999 = $19,999,999,800,000.00.
    expect(lineCostCents(2_000_000_000, 99_999_999)).toBe(1_999_999_980_000_000);
  });

  it('two rows of 500 units at $0.125 are $62.50 each: $125.00 in all', () => {
    const table = buildCogsTable([['BOLT', '0.125']]);
    expect(netProfit([bulk(500), bulk(500)], table).cogs).toBe(12_500);
  });

  it('keeps four decimals: a cell computed as =1/3 is $0.3333; typed text with thousands separators reads', () => {
    expect(parseUnitCost(1 / 3)).toBe(3333);
    expect(parseUnitCost('1,234.5678')).toBe(12_345_678);
    expect(parseUnitCost('(0.50)')).toBe(-5000);
    for (const bad of ['ten', '1.2.3', '', '$', '12,34', true]) expect(parseUnitCost(bad)).toBeNaN();
    expect(formatUnitCost(1250)).toBe('$0.125');
    expect(formatUnitCost(65_000)).toBe('$6.50');
  });

  it('refuses a negative cost with the cell named', () => {
    expect(() =>
      buildCogsTable(
        [
          ['SKU', 'Unit cost'],
          ['BOLT', '-0.125'],
        ],
        'TTS COGS',
      ),
    ).toThrow('TTS COGS row 2, column B (Unit cost): expected a unit cost of 0 or more, found `-0.125`.');
  });
});

describe('a cost change in the middle of a month', () => {
  // SKU TANK: $6.50 until 14 May 2026, $7.00 from 15 May. Orders on 14 May (2 units) and 15 May (3 units).
  // COGS by hand: 2 × 6.50 + 3 × 7.00 = 13.00 + 21.00 = $34.00.
  it('costs each order at the price in force on its own date', () => {
    const table = buildCogsTable([
      ['SKU', 'Unit cost', 'Effective from'],
      ['TANK', '6.50', ''],
      ['TANK', '7.00', '2026-05-15'],
    ]);
    const rows = [
      {
        ...sale('TANK', '', '2026-05-14'),
        quantity: 2,
        amounts: { gross_sales: 4000, total_settlement_amount: 3500 },
      },
      {
        ...sale('TANK', '', '2026-05-15'),
        quantity: 3,
        amounts: { gross_sales: 6000, total_settlement_amount: 5200 },
      },
    ];
    expect(netProfit(rows, table)).toMatchObject({ settlement: 8700, cogs: 3400, netProfit: 5300, units: 5 });
  });

  it("a sale before the SKU's first Effective from has no cost in force; an undated cost covers every day", () => {
    const dated = buildCogsTable([
      ['SKU', 'Unit cost', 'Effective from'],
      ['TANK', '7.00', '2026-04-15'],
    ]);
    expect(unitCostOn(dated, sale('TANK', '', '2026-04-14'))).toBeUndefined();
    expect(unitCostOn(dated, sale('TANK', '', '2026-04-15'))).toBe(70_000);
    const undated = buildCogsTable([
      ['SKU', 'Unit cost', 'Effective from'],
      ['TANK', '6.50', ''],
      ['TANK', '7.00', '2026-04-15'],
    ]);
    expect(unitCostOn(undated, sale('TANK', '', '2025-01-01'))).toBe(65_000);
  });

  it('refuses two different costs for one SKU from the same date, naming both rows', () => {
    const rows = [
      ['SKU', 'Unit cost', 'Effective from'],
      ['TANK', '6.50', '2026-05-15'],
      ['TANK', '7.00', '2026-05-15'],
    ];
    expect(() => buildCogsTable(rows, 'TTS COGS')).toThrow(
      'TTS COGS row 2 and row 3: SKU TANK has two unit costs from 2026-05-15 ($6.50 and $7.00).',
    );
  });
});

describe('the TTS COGS tab with its unit cost in parts', () => {
  const header = [
    'SKU ID',
    'Seller SKU',
    'Product name',
    'SKU name',
    'Product cost',
    'Inbound freight',
    'Duty / tariff',
    'Packaging',
    'Other per unit',
    'Unit cost',
    'Effective from',
  ];

  it('adds the parts: 4.00 + 0.35 + 0.1250 + 0.20 + 0 = $4.675 a unit', () => {
    const table = buildCogsTable(
      [header, ['TANK-ID', 'TANK', 'Tank', 'M', 4, '0.35', '0.125', 0.2, 0, 4.675, '']],
      'TTS COGS',
    );
    expect(unitCostOn(table, sale('TANK-ID', 'TANK', '2026-05-01'))).toBe(46_750);
  });

  it('reads a row with only a unit cost (a tab written before the parts existed) and finds columns wherever they moved', () => {
    const moved = [
      ['Notes', ...header],
      ['mine', 'TANK-ID', 'TANK', 'Tank', 'M', '', '', '', '', '', '6.50', ''],
    ];
    expect(unitCostOn(buildCogsTable(moved, 'TTS COGS'), sale('TANK-ID', '', '2026-05-01'))).toBe(65_000);
    const old = [
      ['SKU ID', 'Seller SKU', 'Product name', 'SKU name', 'Unit cost', 'Effective from'],
      ['TANK-ID', 'TANK', 'Tank', 'M', '6.50', ''],
    ];
    expect(unitCostOn(buildCogsTable(old, 'TTS COGS'), sale('TANK-ID', '', '2026-05-01'))).toBe(65_000);
  });

  it('refuses a unit cost typed over the total that differs from its parts', () => {
    const rows = [header, ['TANK-ID', 'TANK', 'Tank', 'M', 4, '0.35', '', '', '', 5, '']];
    expect(() => buildCogsTable(rows, 'TTS COGS')).toThrow(
      'TTS COGS row 2, column J (Unit cost): the unit cost 5 differs from the sum of its parts, $4.35.',
    );
  });

  it('refuses a negative part, naming its column', () => {
    const rows = [header, ['TANK-ID', 'TANK', 'Tank', 'M', 4, '-0.35', '', '', '', '', '']];
    expect(() => buildCogsTable(rows, 'TTS COGS')).toThrow(
      'TTS COGS row 2, column F (Inbound freight): expected a unit cost of 0 or more',
    );
  });
});

describe('skuText', () => {
  it('reads a SKU kept as text by an apostrophe or by Excel’s `="…"` as its digits', () => {
    expect(skuText("'1732440158393635811")).toBe('1732440158393635811');
    expect(skuText('="1732440158393635811"')).toBe('1732440158393635811');
    expect(skuText(' 1732440158393635811 ')).toBe('1732440158393635811');
  });
});
