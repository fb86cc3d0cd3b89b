/** Small ParsedExport values shaped like a May 2026 statement export, for sidebar tests. */
import type { LedgerRow, ParsedExport } from '../../src/core/types';

export function ledgerRow(n: number, overrides: Partial<LedgerRow> = {}): LedgerRow {
  const orderId = String(577000000000000000n + BigInt(n));
  return {
    key: `7501|${orderId}|1729384756102938475|Order`,
    layout: 'statement',
    type: 'Order',
    statementId: '7501',
    orderId,
    relatedOrderId: '',
    skuId: '1729384756102938475',
    sellerSku: 'TEE-BLK-M',
    productName: 'Organic cotton tee',
    skuName: 'Black, M',
    quantity: 1,
    orderDate: '2026-05-03',
    statementDate: '2026-05-12',
    currency: 'USD',
    amounts: { total_settlement_amount: 1842, gross_sales: 2500, referral_fee: -150, transaction_fee: -508 },
    unknown: {},
    source: { file: 'statement-2026-05.csv', row: n + 1 },
    ...overrides,
  };
}

export function parsedExport(rows: number, overrides: Partial<ParsedExport> = {}): ParsedExport {
  return {
    fileName: 'statement-2026-05.csv',
    layout: 'statement',
    layoutLabel: 'US Statement export (2024 CSV)',
    headerRow: 1,
    rows: Array.from({ length: rows }, (_, i) => ledgerRow(i + 1)),
    rejects: [],
    unknownColumns: [],
    reconciliation: { rowsChecked: rows, mismatches: [], totalChecks: [], unclassifiedColumns: [], ok: true },
    period: { first: '2026-05-01', last: '2026-05-31' },
    totals: { settlement: 1842 * rows, netSales: 2500 * rows, fees: -658 * rows, grossSales: 2500 * rows },
    // Each problem's row, once: as many rows as the reader would have counted.
    rejectedRows: new Set((overrides.rejects ?? []).map((p) => p.row)).size,
    ...overrides,
  };
}
