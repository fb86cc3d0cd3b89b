/**
 * Workbook states a seller leaves the add-on's tabs in, and what the next import must do with
 * them. Each case imports `before`, applies the seller's `edit` to the in-memory workbook, imports
 * `after`, and states the ledger that must result (every row of every file once, the settlement
 * the rows add up to, read back by header through TTS_SETTLEMENT) or the exact refusal, which
 * leaves the ledger as it was. `source` says where the case comes from: an item of issue #15, or
 * `found` for what trying every edit Sheets offers turned up.
 */
import { generateStatementCsv } from '../../bench/synthetic-export';
import { CELL_LIMIT, sellerEdits, type Workbook } from '../../emulator/index';
import { BASE, BASE_ROWS, csv, HEADER, utf8 } from './generate';
import { baseLines, estimateCents, onHoldCsv, pendingLines, pnlOrdersCsv } from './same-orders';
import { incomeCsv, incomeRows, incomeSettlement, type IncomeRow } from './income-export';
import {
  PENDING_STATEMENT,
  PENDING_STATEMENT_CENTS,
  TWIN_CENTS,
  TWIN_PART_1,
  TWIN_PART_2,
  TWIN_WHOLE,
} from './shared-keys';
import {
  ORDER_EXPORT_FILE,
  orderExportCsv,
  STATEMENT_FILE,
  STATEMENT_SETTLEMENT,
  statementCsv,
} from './order-export';

export interface StateFile {
  name: string;
  bytes: () => Uint8Array;
}

export type StateExpected =
  | {
      outcome: 'imported';
      /** Ledger rows with a Key after both imports. */
      rows: number;
      settlementCents: number;
      /** Rows the `after` imports must write (the rest are duplicates). */
      written: number;
      /** Cells the seller typed that must still be in their row, unchanged. */
      kept?: { sheet: string; row: number; value: string | number }[];
      /** What the functions and the dashboard count (default `settlementCents`): estimates superseded by settled rows left out. */
      countedCents?: number;
      /** Rows of earlier imports the `after` imports superseded ("N estimated rows now settled"). */
      settled?: number;
      /** Rows the *Superseded by* column marks. */
      marked?: number;
      /** The preview's line for each `after` file, before Import. */
      alreadyImported?: string[];
      /** The ledger holds only the `after` files (the seller started a new one). */
      newLedger?: boolean;
      /** What the dashboard must say (its refresh message). */
      dashboard?: RegExp;
    }
  | {
      outcome: 'refused';
      message: RegExp;
      /** What the ledger's readers (a function on the tab, the dashboard) say instead of counting 0. */
      readers?: RegExp;
    };

export interface WorkbookState {
  name: string;
  what: string;
  source: string;
  before: StateFile[];
  edit: (wb: Workbook) => void;
  after: StateFile[];
  expected: StateExpected;
}

/** March: the corpus base file, 8 rows, $489.25. */
export const MARCH: StateFile = { name: 'statement-2026-03.csv', bytes: () => utf8(BASE.csv) };
const APRIL_CSV = generateStatementCsv({ rows: 40, seed: 12, start: '2026-04-01', months: 1 });
/** April: 40 rows, with amount columns March does not have. */
export const APRIL: StateFile = { name: 'statement-2026-04.csv', bytes: () => utf8(APRIL_CSV.csv) };

export const MARCH_CENTS = BASE.totals.settlement;
export const APRIL_CENTS = APRIL_CSV.totals.settlement;
const BOTH = { rows: 48, settlementCents: MARCH_CENTS + APRIL_CENTS };

/** June Income rows, two of them adjustments of one ID on one day at different times. */
const JUNE_ROWS: IncomeRow[] = [
  ...incomeRows(6),
  {
    orderId: '578000000000000001',
    type: 'Shipping fee adjustment',
    created: '2026/06/02 10:00:00',
    settled: '2026/06/12 08:01:02',
    revenueCents: 250,
  },
  {
    orderId: '578000000000000001',
    type: 'Shipping fee adjustment',
    created: '2026/06/02 10:00:00',
    settled: '2026/06/12 19:30:45',
    revenueCents: 250,
  },
];
/** The Income export as downloaded: its zone in the file name, settled times with seconds. */
const JUNE_INCOME: StateFile = {
  name: 'income_20260601-20260630(UTC-7).csv',
  bytes: () => utf8(incomeCsv(JUNE_ROWS)),
};
/** The same file renamed and re-saved by Excel: no zone in the name, `6/12/2026 16:55` (seconds dropped). */
const excelTime = (t: string) => {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})/.exec(t)!;
  return `${Number(m[2])}/${Number(m[3])}/${m[1]} ${m[4]}:${m[5]}`;
};
const JUNE_RESAVED: StateFile = {
  name: 'Income June.csv',
  bytes: () =>
    utf8(
      incomeCsv(
        JUNE_ROWS.map((r) => ({ ...r, settled: excelTime(r.settled), created: excelTime(r.created) })),
      ),
    ),
};
const JUNE_CENTS = incomeSettlement(JUNE_ROWS);

/** Estimates for five of the March statement's order lines and two orders still on hold. */
const ON_HOLD: StateFile = {
  name: 'onhold_2026-03-15.csv',
  bytes: () => utf8(onHoldCsv([...baseLines().slice(0, 5), ...pendingLines(2)])),
};
const PENDING_CENTS = estimateCents(pendingLines(2));
/** An On-hold export of two orders no statement holds. */
const ON_HOLD_PENDING: StateFile = {
  name: 'onhold_2026-03-20.csv',
  bytes: () => utf8(onHoldCsv(pendingLines(2))),
};
/** A later On-hold download: one of those orders' estimate changed (a partial refund), and a new order. */
const LATER_LINES = [{ ...pendingLines(2)[0], grossCents: 1500 }, ...pendingLines(3).slice(2)];
const ON_HOLD_LATER: StateFile = {
  name: 'onhold_2026-03-27.csv',
  bytes: () => utf8(onHoldCsv(LATER_LINES)),
};
/** The two downloads with their banners' download times, a week apart (the later one re-saved by Excel in the US). */
const ON_HOLD_PENDING_0320: StateFile = {
  name: 'Onhold-unsettled-orders-2026_03_01-2026_03_20(UTC-7).csv',
  bytes: () => utf8(onHoldCsv(pendingLines(2), '2026-03-20 09:12:40')),
};
const ON_HOLD_LATER_0327: StateFile = {
  name: 'Onhold-unsettled-orders-2026_03_01-2026_03_27(UTC-7).csv',
  bytes: () => utf8(onHoldCsv(LATER_LINES, '3/27/2026 8:05')),
};
/** The profit-and-loss report's Orders for every March order line. */
const PNL_ORDERS: StateFile = {
  name: 'merchant_statement_profit_loss_2026-03.csv',
  bytes: () => utf8(pnlOrdersCsv(baseLines())),
};
/**
 * The legacy Income export of the March statement's six orders: order level, no SKU ID column, each
 * settled on the day of the statement that paid it (two views of one payout; an order settled on
 * another day would be another payout, and both would count).
 */
const MARCH_INCOME_ROWS = incomeRows(6, 577000000000000001n).map((row) => {
  const paid = BASE_ROWS.find((r) => r[HEADER.indexOf('Order/adjustment ID')] === row.orderId)!;
  return { ...row, settled: `${paid[HEADER.indexOf('Statement date (UTC)')]} 16:55:33` };
});
const MARCH_INCOME: StateFile = {
  name: 'income_20260301-20260331(UTC-7).csv',
  bytes: () => utf8(incomeCsv(MARCH_INCOME_ROWS)),
};
const MARCH_INCOME_CENTS = incomeSettlement(MARCH_INCOME_ROWS);
/** 2,000 May rows: more than a new tab's 1,000 rows, so the ledger must grow. */
const MAY_CSV = generateStatementCsv({ rows: 2000, seed: 13, start: '2026-05-01', months: 1 });
const MAY: StateFile = { name: 'statement-2026-05.csv', bytes: () => utf8(MAY_CSV.csv) };
/** An April order export (five lines), and the Statement that settles two of them (order-export.ts). */
const ORDER_EXPORT: StateFile = { name: ORDER_EXPORT_FILE, bytes: () => utf8(orderExportCsv()) };
const ORDER_STATEMENT: StateFile = { name: STATEMENT_FILE, bytes: () => utf8(statementCsv()) };
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

const LEDGER = 'TTS Ledger';
const IMPORTS = 'TTS Imports';

const ledger = (wb: Workbook) => wb.requireSheet(LEDGER);
/** 1-based column of `label` in row `row` of a tab. */
export function columnNumber(wb: Workbook, tab: string, label: string, row = 1): number {
  const values = wb.valuesOf(tab)[row - 1] ?? [];
  const c = values.findIndex((v) => String(v) === label);
  if (c < 0) throw new Error(`no ${label} in row ${row} of ${tab}`);
  return c + 1;
}

/** The refusal when an amount column the add-on wrote is gone, naming it and how to type it back. */
const lostAmount = (label: string) =>
  new RegExp(
    `^The TTS Ledger tab has no \\*${label}\\* column in its header row \\(deleted or renamed\\)\\. Nothing was written\\. ` +
      `Rename the header back to ${label}, or bring the column back with Edit → Undo`,
  );

/** The functions and the dashboard on a tab that lost one of its amount columns. */
const unread = (label: string) =>
  new RegExp(
    `^The TTS Ledger tab has no \\*${label}\\* column in its header row \\(deleted or renamed\\)\\. ` +
      `Its amounts would read as 0\\. Rename the header back to ${label}`,
  );
const lostAmountRead = (label: string) =>
  ({ outcome: 'refused', message: lostAmount(label), readers: unread(label) }) as const;

const lostKey =
  /The TTS Ledger tab has no \*Key\* column in its header row \(deleted or renamed\)\. Nothing was written\. Rename the header back to Key/;

/** A statement of April 20 holding only a chargeback of $29.58 on a March order: dated after March's last order. */
const CHARGEBACK_CENTS = -2958;
const LATER_CHARGEBACK: StateFile = {
  name: 'statement-2026-04-20.csv',
  bytes: () => {
    const cells: Record<string, string> = {
      'Statement date (UTC)': '2026/04/20',
      'Statement ID': '732026042000000011',
      'Payment ID': 'P32026042000000011',
      Status: 'Paid',
      Currency: 'USD',
      Type: 'Chargeback',
      'Order/adjustment ID': '750000000000000001',
      'Total settlement amount': '-29.58',
      'Adjustment amount': '-29.58',
      'Related order ID': '577000000000000001',
    };
    return utf8(csv([HEADER, HEADER.map((h) => cells[h] ?? (h === 'Quantity' ? '0' : ''))]));
  },
};

export const WORKBOOK_STATES: WorkbookState[] = [
  {
    name: 'ledger-column-inserted-at-A',
    source: 'issue #15, item 1',
    what: 'A column inserted at A of TTS Ledger, with the seller’s header and notes',
    before: [MARCH],
    edit: (wb) => {
      sellerEdits.insertColumnsBefore(ledger(wb), 1);
      wb.seed(LEDGER, [['My notes'], ['check this one']]);
    },
    after: [APRIL, MARCH],
    expected: {
      outcome: 'imported',
      ...BOTH,
      written: 40,
      kept: [{ sheet: LEDGER, row: 2, value: 'check this one' }],
    },
  },
  {
    name: 'ledger-column-inserted-in-middle',
    source: 'issue #15, item 1',
    what: 'A column inserted between Order/adjustment ID and SKU ID',
    before: [MARCH],
    edit: (wb) => sellerEdits.insertColumnsBefore(ledger(wb), columnNumber(wb, LEDGER, 'SKU ID')),
    after: [APRIL, MARCH],
    expected: { outcome: 'imported', ...BOTH, written: 40 },
  },
  {
    name: 'ledger-key-column-dragged-to-end',
    source: 'issue #15, item 1',
    what: 'The Key column dragged to the end of TTS Ledger',
    before: [MARCH],
    edit: (wb) => sellerEdits.moveColumns(ledger(wb), 1, 1, ledger(wb).lastColumn() + 1),
    after: [APRIL, MARCH],
    expected: { outcome: 'imported', ...BOTH, written: 40 },
  },
  {
    name: 'ledger-dates-and-amounts-swapped',
    source: 'found',
    what: 'Order date dragged before Key and Total settlement amount dragged to column B',
    before: [MARCH],
    edit: (wb) => {
      sellerEdits.moveColumns(ledger(wb), columnNumber(wb, LEDGER, 'Order date'), 1, 1);
      sellerEdits.moveColumns(ledger(wb), columnNumber(wb, LEDGER, 'Total settlement amount'), 1, 2);
    },
    after: [APRIL, MARCH],
    expected: { outcome: 'imported', ...BOTH, written: 40 },
  },
  {
    name: 'ledger-key-header-lowercased',
    source: 'issue #15, item 2',
    what: 'The Key header retyped as `key`',
    before: [MARCH],
    edit: (wb) => wb.seed(LEDGER, [['key']]),
    after: [MARCH, APRIL],
    expected: { outcome: 'imported', ...BOTH, written: 40 },
  },
  {
    name: 'ledger-key-header-trailing-space',
    source: 'issue #15, item 2',
    what: 'The Key header retyped as `Key ` and Order date as ` order  DATE`',
    before: [MARCH],
    edit: (wb) => {
      wb.seed(LEDGER, [['Key ']]);
      wb.seed(LEDGER, [[' order  DATE']], 1, columnNumber(wb, LEDGER, 'Order date'));
    },
    after: [MARCH, APRIL],
    expected: { outcome: 'imported', ...BOTH, written: 40 },
  },
  {
    name: 'ledger-key-column-deleted',
    source: 'issue #15, item 2',
    what: 'The Key column deleted',
    before: [MARCH],
    edit: (wb) => sellerEdits.deleteColumns(ledger(wb), 1),
    after: [APRIL],
    expected: { outcome: 'refused', message: lostKey },
  },
  {
    name: 'ledger-key-header-renamed',
    source: 'issue #15, item 2',
    what: 'The Key header renamed to `Row key`',
    before: [MARCH],
    edit: (wb) => wb.seed(LEDGER, [['Row key']]),
    after: [APRIL],
    expected: { outcome: 'refused', message: lostKey },
  },
  {
    name: 'ledger-settlement-header-renamed',
    source:
      'found (the import added a new Total settlement amount column at the right; the earlier rows counted 0)',
    what: 'The Total settlement amount header renamed to `Payout`',
    before: [MARCH],
    edit: (wb) => wb.seed(LEDGER, [['Payout']], 1, columnNumber(wb, LEDGER, 'Total settlement amount')),
    after: [APRIL, MARCH],
    expected: lostAmountRead('Total settlement amount'),
  },
  {
    name: 'ledger-settlement-column-deleted',
    source: 'found',
    what: 'The Total settlement amount column deleted',
    before: [MARCH],
    edit: (wb) => sellerEdits.deleteColumns(ledger(wb), columnNumber(wb, LEDGER, 'Total settlement amount')),
    after: [APRIL],
    expected: lostAmountRead('Total settlement amount'),
  },
  {
    name: 'ledger-fee-header-renamed',
    source: 'found',
    what: 'The Referral fee header renamed to `TikTok cut`, then an On-hold export imported',
    before: [MARCH],
    edit: (wb) => wb.seed(LEDGER, [['TikTok cut']], 1, columnNumber(wb, LEDGER, 'Referral fee')),
    after: [ON_HOLD_PENDING],
    expected: lostAmountRead('Referral fee'),
  },
  {
    name: 'ledger-fee-column-deleted',
    source: 'found (the functions and the dashboard read the deleted fee as 0)',
    what: 'The Referral fee column deleted, then April imported',
    before: [MARCH],
    edit: (wb) => sellerEdits.deleteColumns(ledger(wb), columnNumber(wb, LEDGER, 'Referral fee')),
    after: [APRIL],
    expected: lostAmountRead('Referral fee'),
  },
  {
    name: 'ledger-settlement-header-retyped-in-capitals',
    source: 'found',
    what: 'The Total settlement amount header typed back as `TOTAL SETTLEMENT AMOUNT ` after a rename',
    before: [MARCH],
    edit: (wb) =>
      wb.seed(LEDGER, [['TOTAL SETTLEMENT AMOUNT ']], 1, columnNumber(wb, LEDGER, 'Total settlement amount')),
    after: [APRIL, MARCH],
    expected: { outcome: 'imported', ...BOTH, written: 40 },
  },
  {
    name: 'ledger-header-row-cleared',
    source: 'found',
    what: 'The header row of TTS Ledger cleared',
    before: [MARCH],
    edit: (wb) => sellerEdits.clearContents(ledger(wb), 1, 1, 1, ledger(wb).lastColumn()),
    after: [APRIL],
    expected: {
      outcome: 'refused',
      message:
        /The TTS Ledger tab has no header row with Key, Import ID, Layout above its rows\. Nothing was written/,
    },
  },
  {
    name: 'ledger-sorted-with-its-header',
    source: 'found (the rows above the header were missed: the next import wrote them again)',
    what: 'The whole TTS Ledger tab sorted A→Z by its Key without "Data has header row": the header sorts below the rows',
    before: [MARCH],
    edit: (wb) => sellerEdits.sortRows(ledger(wb), 1, ledger(wb).lastRow(), 1),
    after: [MARCH],
    expected: {
      outcome: 'refused',
      message:
        /^The TTS Ledger tab has no header row with Key, Import ID, Layout above its rows\. Nothing was written\./,
      readers:
        /^The TTS Ledger tab has no header row with Key, Import ID, Layout above its rows\. Nothing was counted\./,
    },
  },
  {
    name: 'ledger-notes-in-unheaded-column',
    source: 'issue #15, item 3',
    what: 'Notes typed two columns right of the ledger, without a header; the next file brings new amount columns',
    before: [MARCH],
    edit: (wb) => {
      const c = ledger(wb).lastColumn() + 2;
      wb.seed(LEDGER, [['called the buyer'], ['refund promised']], 3, c);
    },
    after: [APRIL],
    expected: {
      outcome: 'imported',
      ...BOTH,
      written: 40,
      kept: [
        { sheet: LEDGER, row: 3, value: 'called the buyer' },
        { sheet: LEDGER, row: 4, value: 'refund promised' },
      ],
    },
  },
  {
    name: 'ledger-totals-row-typed-below',
    source: 'issue #15, item 4',
    what: 'A totals row typed under the ledger (Total in Product name, the sum under Total settlement amount)',
    before: [MARCH],
    edit: (wb) => {
      const row = ledger(wb).lastRow() + 1;
      wb.seed(LEDGER, [['Total']], row, columnNumber(wb, LEDGER, 'Product name'));
      wb.seed(LEDGER, [[MARCH_CENTS / 100]], row, columnNumber(wb, LEDGER, 'Total settlement amount'));
    },
    after: [APRIL, MARCH],
    expected: {
      outcome: 'imported',
      ...BOTH,
      written: 40,
      dashboard: /1 row of the TTS Ledger tab without a Key \(not written by TTS Profit\) was skipped/,
    },
  },
  {
    name: 'ledger-totals-row-labelled-in-key',
    source: 'finding F5 (house)',
    what: 'A totals row typed two rows under the ledger: `Total` in the Key column, the sum under Total settlement amount',
    before: [MARCH],
    edit: (wb) => {
      const row = ledger(wb).lastRow() + 2;
      wb.seed(LEDGER, [['Total']], row, columnNumber(wb, LEDGER, 'Key'));
      wb.seed(LEDGER, [[MARCH_CENTS / 100]], row, columnNumber(wb, LEDGER, 'Total settlement amount'));
    },
    after: [APRIL, MARCH],
    expected: {
      outcome: 'imported',
      ...BOTH,
      written: 40,
      kept: [],
      dashboard: /1 row of the TTS Ledger tab without a Key \(not written by TTS Profit\) was skipped/,
    },
  },
  {
    name: 'ledger-title-row-inserted-above',
    source: 'found',
    what: 'A row inserted above the header with a title typed in it',
    before: [MARCH],
    edit: (wb) => {
      sellerEdits.insertRowsBefore(ledger(wb), 1);
      wb.seed(LEDGER, [['My TikTok ledger 2026']]);
    },
    after: [APRIL, MARCH],
    expected: {
      outcome: 'imported',
      ...BOTH,
      written: 40,
      kept: [{ sheet: LEDGER, row: 1, value: 'My TikTok ledger 2026' }],
    },
  },
  {
    name: 'ledger-sorted-by-settlement',
    source: 'found',
    what: 'The ledger sorted by Total settlement amount, largest first',
    before: [MARCH, APRIL],
    edit: (wb) =>
      sellerEdits.sortRows(
        ledger(wb),
        2,
        ledger(wb).lastRow(),
        columnNumber(wb, LEDGER, 'Total settlement amount'),
        true,
      ),
    after: [APRIL, MARCH],
    expected: { outcome: 'imported', ...BOTH, written: 0 },
  },
  {
    name: 'ledger-rows-deleted',
    source: 'found',
    what: 'Three ledger rows deleted by hand, then the file imported again',
    before: [MARCH],
    edit: (wb) => sellerEdits.deleteRows(ledger(wb), 3, 3),
    after: [MARCH, APRIL],
    expected: { outcome: 'imported', ...BOTH, written: 43 },
  },
  {
    name: 'ledger-row-moved-below-notes',
    source: 'found',
    what: 'A ledger row dragged to the top, under the header, and another one cleared',
    before: [MARCH],
    edit: (wb) => {
      sellerEdits.moveRows(ledger(wb), 8, 1, 2);
      sellerEdits.clearContents(ledger(wb), 5, 1, 5, ledger(wb).lastColumn());
    },
    after: [MARCH, APRIL],
    expected: { outcome: 'imported', ...BOTH, written: 41 },
  },
  {
    name: 'ledger-tab-renamed',
    source: 'found',
    what: 'TTS Ledger renamed to `Ledger 2026 Q1`: the next import starts a new TTS Ledger',
    before: [MARCH],
    edit: (wb) => {
      ledger(wb).name = 'Ledger 2026 Q1';
    },
    after: [APRIL],
    expected: { outcome: 'imported', rows: 40, settlementCents: APRIL_CENTS, written: 40, newLedger: true },
  },
  {
    name: 'income-renamed-and-resaved',
    source: 'issue #15, item 6',
    what: 'An Income export imported again renamed (no zone in the name) and re-saved by Excel (seconds dropped)',
    before: [JUNE_INCOME],
    edit: () => {},
    after: [JUNE_RESAVED],
    expected: { outcome: 'imported', rows: 8, settlementCents: JUNE_CENTS, written: 0 },
  },
  {
    name: 'income-keys-of-an-older-ledger',
    source: 'issue #15, item 6',
    what: 'A ledger written with the older Income keys (settled date-time and zone in the key), then the renamed, re-saved file',
    before: [JUNE_INCOME],
    edit: (wb) => {
      // The keys as the earlier key format wrote them: the settled time, with the file name's zone.
      const sheet = ledger(wb);
      const key = columnNumber(wb, LEDGER, 'Key');
      for (let r = 2; r <= sheet.lastRow(); r++) {
        const [id, type] = String(sheet.value(r, key)).split('|').slice(1, 3);
        const row = JUNE_ROWS.filter((x) => x.orderId === id && x.type === type)[
          String(sheet.value(r, key)).endsWith('#2') ? 1 : 0
        ];
        const [day, time] = row.settled.replace(/\//g, '-').split(' ');
        sheet.write(r, key, `income|${id}|${type}|${day}T${time}-07:00`, wb.timeZone);
      }
    },
    after: [JUNE_RESAVED, JUNE_INCOME],
    expected: { outcome: 'imported', rows: 8, settlementCents: JUNE_CENTS, written: 0 },
  },
  {
    name: 'onhold-then-statement',
    source: 'issue #15, item 5',
    what: 'An On-hold export (estimates), then the Statement that settles five of its seven order lines',
    before: [ON_HOLD],
    edit: () => {},
    after: [MARCH],
    expected: {
      outcome: 'imported',
      rows: 15,
      settlementCents: MARCH_CENTS,
      countedCents: MARCH_CENTS + PENDING_CENTS,
      written: 8,
      settled: 5,
      marked: 5,
      dashboard:
        /5 rows superseded by a settled row or a later download of the same order line are not counted/,
    },
  },
  {
    name: 'statement-then-late-onhold',
    source: 'issue #15, item 5',
    what: 'The Statement, then an older On-hold export of the same orders: the estimates land already superseded',
    before: [MARCH],
    edit: () => {},
    after: [ON_HOLD],
    expected: {
      outcome: 'imported',
      rows: 15,
      settlementCents: MARCH_CENTS,
      countedCents: MARCH_CENTS + PENDING_CENTS,
      written: 7,
      settled: 0,
      marked: 5,
    },
  },
  {
    name: 'income-then-statement',
    source: 'found (an Income export has no SKU ID: its order-level row met no line of the Statement)',
    what: 'The legacy Income export (one row per order), then the Statement with the same orders SKU by SKU',
    before: [MARCH_INCOME],
    edit: () => {},
    after: [MARCH],
    expected: {
      outcome: 'imported',
      rows: 14,
      settlementCents: MARCH_INCOME_CENTS + MARCH_CENTS,
      countedCents: MARCH_CENTS,
      written: 8,
      settled: 6,
      marked: 6,
      dashboard:
        /6 rows superseded by a settled row or a later download of the same order line are not counted/,
    },
  },
  {
    name: 'statement-then-income',
    source: 'found',
    what: 'The Statement, then the older Income export of the same orders: its order-level rows land superseded',
    before: [MARCH],
    edit: () => {},
    after: [MARCH_INCOME],
    expected: {
      outcome: 'imported',
      rows: 14,
      settlementCents: MARCH_INCOME_CENTS + MARCH_CENTS,
      countedCents: MARCH_CENTS,
      written: 6,
      settled: 0,
      marked: 6,
    },
  },
  {
    name: 'income-and-statement-in-one-import',
    source: 'found',
    what: 'The Income export and the Statement of the same orders dropped together, Statement last',
    before: [],
    edit: () => {},
    after: [MARCH_INCOME, MARCH],
    expected: {
      outcome: 'imported',
      rows: 14,
      settlementCents: MARCH_INCOME_CENTS + MARCH_CENTS,
      countedCents: MARCH_CENTS,
      written: 14,
      settled: 6,
      marked: 6,
    },
  },
  {
    name: 'statement-and-income-in-one-import',
    source: 'found',
    what: 'The Statement and the Income export of the same orders dropped together, Income last',
    before: [],
    edit: () => {},
    after: [MARCH, MARCH_INCOME],
    expected: {
      outcome: 'imported',
      rows: 14,
      settlementCents: MARCH_INCOME_CENTS + MARCH_CENTS,
      countedCents: MARCH_CENTS,
      written: 14,
      settled: 0,
      marked: 6,
    },
  },
  {
    name: 'onhold-then-income',
    source: 'found',
    what: 'An On-hold export (estimates by SKU), then the Income export settling four of its orders at order level',
    before: [ON_HOLD],
    edit: () => {},
    after: [MARCH_INCOME],
    expected: {
      outcome: 'imported',
      rows: 13,
      settlementCents: MARCH_INCOME_CENTS,
      countedCents: MARCH_INCOME_CENTS + PENDING_CENTS,
      written: 6,
      settled: 5,
      marked: 5,
    },
  },
  {
    name: 'income-then-onhold-then-statement',
    source: 'found',
    what: 'Income export, an On-hold export of the same orders, then the Statement: each order line counts once, the Statement',
    before: [MARCH_INCOME, ON_HOLD],
    edit: () => {},
    after: [MARCH],
    expected: {
      outcome: 'imported',
      rows: 21,
      settlementCents: MARCH_INCOME_CENTS + MARCH_CENTS,
      countedCents: MARCH_CENTS + PENDING_CENTS,
      written: 8,
      settled: 6,
      marked: 11,
    },
  },
  {
    name: 'onhold-then-later-onhold',
    source: 'found (the changed estimate was skipped as a duplicate)',
    what: 'An On-hold download, then a later one where one estimate changed and a new order is on hold; then both again',
    before: [MARCH, ON_HOLD_PENDING],
    edit: () => {},
    after: [ON_HOLD_LATER, ON_HOLD_PENDING, ON_HOLD_LATER],
    expected: {
      outcome: 'imported',
      rows: 12,
      settlementCents: MARCH_CENTS,
      countedCents: MARCH_CENTS + estimateCents([LATER_LINES[0], pendingLines(2)[1], LATER_LINES[1]]),
      written: 2,
      settled: 1,
      marked: 1,
      // The changed estimate is written, so it is not called imported.
      alreadyImported: [
        'None of its 2 rows are in TTS Ledger yet.',
        '2 of 2 rows already imported: importing it again adds nothing.',
        'None of its 2 rows are in TTS Ledger yet.',
      ],
    },
  },
  {
    name: 'later-onhold-then-earlier-onhold',
    source: 'found (the earlier download, imported last, replaced the later estimate)',
    what: 'Two On-hold downloads imported newest first: the estimate of the later download still counts',
    before: [MARCH, ON_HOLD_LATER_0327],
    edit: () => {},
    after: [ON_HOLD_PENDING_0320, ON_HOLD_LATER_0327],
    expected: {
      outcome: 'imported',
      rows: 12,
      settlementCents: MARCH_CENTS,
      countedCents: MARCH_CENTS + estimateCents([LATER_LINES[0], pendingLines(2)[1], LATER_LINES[1]]),
      written: 2,
      marked: 1,
    },
  },
  {
    name: 'onhold-then-later-onhold-then-statement',
    source: 'found',
    what: 'Two On-hold downloads with a changed estimate, then the Statement settling that order',
    before: [ON_HOLD_PENDING, ON_HOLD_LATER],
    edit: () => {},
    after: [PENDING_STATEMENT],
    expected: {
      outcome: 'imported',
      rows: 5,
      settlementCents: PENDING_STATEMENT_CENTS,
      countedCents: PENDING_STATEMENT_CENTS + estimateCents([pendingLines(2)[1], LATER_LINES[1]]),
      written: 1,
      settled: 1,
      marked: 2,
    },
  },
  {
    name: 'statement-split-between-two-lines-of-one-key',
    source: 'found (the second part called a line of the same statement, order, SKU and type a duplicate)',
    what: 'A statement whose order has two lines of one SKU, split into two files between them',
    before: [TWIN_PART_1],
    edit: () => {},
    after: [TWIN_PART_2],
    expected: {
      outcome: 'imported',
      rows: 9,
      settlementCents: TWIN_CENTS,
      written: 8,
      alreadyImported: ['None of its 8 rows are in TTS Ledger yet.'],
    },
  },
  {
    name: 'statement-split-between-two-lines-of-one-key-then-whole',
    source: 'found',
    what: 'The two parts of that statement, then the whole file and the parts again: nothing more',
    before: [TWIN_PART_1, TWIN_PART_2],
    edit: () => {},
    after: [TWIN_WHOLE, TWIN_PART_1, TWIN_PART_2],
    expected: { outcome: 'imported', rows: 9, settlementCents: TWIN_CENTS, written: 0 },
  },
  {
    name: 'statement-split-between-two-lines-of-one-key-later-part-first',
    source: 'found',
    what: 'The same split statement, its second part imported first',
    before: [TWIN_PART_2],
    edit: () => {},
    after: [TWIN_PART_1, TWIN_WHOLE],
    expected: {
      outcome: 'imported',
      rows: 9,
      settlementCents: TWIN_CENTS,
      written: 1,
      alreadyImported: ['None of its 1 row is in TTS Ledger yet.', '8 of 9 rows already imported.'],
    },
  },
  {
    name: 'pnl-report-then-statement',
    source: 'issue #15, item 5',
    what: 'The profit-and-loss report (Orders), then the Statement of the same order lines: each line counts once',
    before: [PNL_ORDERS],
    edit: () => {},
    after: [MARCH],
    expected: {
      outcome: 'imported',
      rows: 15,
      settlementCents: MARCH_CENTS,
      countedCents: MARCH_CENTS,
      written: 8,
      settled: 7,
      marked: 7,
    },
  },
  {
    name: 'order-export-then-statement',
    source: 'issue #14 (order exports in the ledger)',
    what: 'An order export (sales only), then the Statement that settles two of its five order lines',
    before: [ORDER_EXPORT],
    edit: () => {},
    after: [ORDER_STATEMENT],
    expected: {
      outcome: 'imported',
      rows: 7,
      settlementCents: STATEMENT_SETTLEMENT,
      written: 2,
      settled: 2,
      marked: 2,
    },
  },
  {
    name: 'statement-then-order-export',
    source: 'issue #14 (order exports in the ledger)',
    what: 'The Statement first, then the older order export of the same orders: its two settled lines land superseded',
    before: [ORDER_STATEMENT],
    edit: () => {},
    after: [ORDER_EXPORT],
    expected: {
      outcome: 'imported',
      rows: 7,
      settlementCents: STATEMENT_SETTLEMENT,
      written: 5,
      settled: 0,
      marked: 2,
    },
  },
  {
    name: 'same-file-previewed-again',
    source: 'issue #15, item 7',
    what: 'Files already imported, previewed again: the preview says so before Import',
    before: [MARCH, APRIL],
    edit: () => {},
    after: [APRIL, MARCH],
    expected: {
      outcome: 'imported',
      ...BOTH,
      written: 0,
      alreadyImported: [
        '40 of 40 rows already imported: importing it again adds nothing.',
        '8 of 8 rows already imported: importing it again adds nothing.',
      ],
    },
  },
  {
    name: 'spreadsheet-near-cell-limit',
    source: 'issue #15, item 9',
    what: 'A 2,000-row file into a spreadsheet with 30,000 cells left of the 10,000,000',
    before: [MARCH],
    edit: (wb) => {
      wb.addSheet('Archive', undefined, Math.floor((CELL_LIMIT - wb.totalCells() - 30_000) / 26), 26);
    },
    after: [MAY],
    expected: {
      outcome: 'refused',
      message:
        /^statement-2026-05\.csv: importing its 2,000 new rows needs about [\d,]+ more cells, and this spreadsheet has 30,0\d\d left of Google Sheets' limit of 10,000,000 cells \([\d,]+ used, empty cells included\)\. Nothing was written\./,
    },
  },
  {
    name: 'ledger-protected-for-this-editor',
    source: 'found',
    what: 'TTS Ledger protected so that the editor importing may not edit it',
    before: [MARCH, APRIL],
    edit: (wb) => {
      sellerEdits.deleteRows(ledger(wb), 2, 4);
      wb.calls.failOnCall('Range.setValues', 1, PROTECTED, { sticky: true });
    },
    after: [MARCH],
    expected: { outcome: 'refused', message: /^You are trying to edit a protected cell or object/ },
  },
  {
    name: 'imports-column-inserted-at-A',
    source: 'issue #15, item 1',
    what: 'A column inserted at A of TTS Imports, and the Status column dragged to the end',
    before: [MARCH],
    edit: (wb) => {
      const log = wb.requireSheet(IMPORTS);
      sellerEdits.insertColumnsBefore(log, 1);
      wb.seed(IMPORTS, [['Checked?'], ['yes']]);
      sellerEdits.moveColumns(log, columnNumber(wb, IMPORTS, 'Status'), 1, log.lastColumn() + 1);
    },
    after: [APRIL],
    expected: { outcome: 'imported', ...BOTH, written: 40, kept: [{ sheet: IMPORTS, row: 2, value: 'yes' }] },
  },
  {
    name: 'imports-import-id-column-deleted',
    source: 'found',
    what: 'The Import ID column of TTS Imports deleted',
    before: [MARCH],
    edit: (wb) => sellerEdits.deleteColumns(wb.requireSheet(IMPORTS), columnNumber(wb, IMPORTS, 'Import ID')),
    after: [APRIL],
    expected: {
      outcome: 'refused',
      message:
        /The TTS Imports tab has no \*Import ID\* column in its header row \(deleted or renamed\)\. Nothing was written/,
    },
  },
  {
    name: 'statement-of-adjustments-after-the-last-order',
    source: 'found by attacking the import',
    what: 'A later statement holding only a chargeback, dated after the last order: in the ledger, the functions and the dashboard',
    before: [MARCH],
    edit: () => {},
    after: [LATER_CHARGEBACK],
    expected: { outcome: 'imported', rows: 9, settlementCents: MARCH_CENTS + CHARGEBACK_CENTS, written: 1 },
  },
];
