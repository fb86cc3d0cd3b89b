/**
 * Every edit Sheets offers a seller, tried on every tab TTS Profit writes: rows and columns
 * inserted, deleted and moved, a sort, a filter and hidden rows (getValues still returns them), the
 * tab renamed or cleared, notes typed into it. Each case starts from a workbook a seller has used
 * (March imported, unit costs typed, a running cost, an ad report, the dashboard refreshed), applies
 * the edit, then imports April, March again and the ad report again, and refreshes the dashboard.
 * `expected` says what must follow: the same figures as on a workbook nobody edited (or the figures
 * the edit means, e.g. no unit costs once TTS COGS is renamed), every typed cell kept; or a clear
 * refusal that leaves the tab as it was (test/reliability/tab-edits.test.ts).
 */
import { sellerEdits, type Workbook } from '../../emulator/index';
import { columnNumber } from './workbook-states';

export const TABS = {
  ledger: 'TTS Ledger',
  imports: 'TTS Imports',
  cogs: 'TTS COGS',
  costs: 'TTS Costs',
  ads: 'TTS Ads',
  adSkus: 'TTS Ad SKUs',
  dashboard: 'TTS Dashboard',
} as const;

/** The SKU the seller typed against the first campaign of TTS Ad SKUs, in the workbook every edit starts from. */
export const TYPED_AD_SKU = '1732440158393635811';

/** Which figures the dashboard must show after the edit: the unedited workbook's, or those without a kind of cost. */
export type Figures = 'same' | 'no-unit-costs' | 'no-running-costs' | 'second-sku-without-cost';

export type TabEditExpected =
  | {
      outcome: 'kept';
      figures: Figures;
      /** Text the seller typed that must still be in the tab (anywhere). */
      kept?: { sheet: string; value: string }[];
      /** TTS Ad SKUs has no header left to list a new campaign under (the seller renamed it). */
      noAdSkusHeader?: true;
      /** A cell note (Insert → Note) that must still be on the cell it was put on, found by the note's text. */
      noteKept?: { sheet: string; note: string };
      /** What the dashboard's refresh message must say. */
      dashboard?: RegExp;
    }
  | {
      outcome: 'refused';
      /** The refresh refuses (imports go through); the dashboard tab stays as it was. */
      step: 'refresh';
      message: RegExp;
    };

export interface TabEdit {
  name: string;
  tab: string;
  what: string;
  edit: (wb: Workbook) => void;
  expected: TabEditExpected;
}

const sheet = (wb: Workbook, tab: string) => wb.requireSheet(tab);
const last = (wb: Workbook, tab: string) => sheet(wb, tab).lastRow();
const same: TabEditExpected = { outcome: 'kept', figures: 'same' };
const NOTE = 'checked with the accountant';
/** The start of a cell note the seller puts on a cell; the cell's value follows it. */
const CELL_NOTE = 'Disputed with support, cell says:';

/** A note typed two columns right of the tab's last column, on row 2. */
function typeNoteBeside(wb: Workbook, tab: string): void {
  wb.seed(tab, [[NOTE]], 2, sheet(wb, tab).lastColumn() + 2);
}

/** The edits every tab gets, written once; `header` is a column the tab has, `sortBy` a column to sort on. */
function commonEdits(
  key: keyof typeof TABS,
  header: string,
  sortBy: string,
  overrides: Partial<Record<string, TabEditExpected>> = {},
): TabEdit[] {
  const tab = TABS[key];
  const cases: Omit<TabEdit, 'tab'>[] = [
    {
      name: 'title-row-inserted',
      what: 'A row inserted above the header, with a title',
      edit: (wb) => {
        sellerEdits.insertRowsBefore(sheet(wb, tab), 1);
        wb.seed(tab, [[`My ${tab}`]]);
      },
      expected: { outcome: 'kept', figures: 'same', kept: [{ sheet: tab, value: `My ${tab}` }] },
    },
    {
      name: 'row-inserted-in-data',
      what: 'An empty row inserted between two data rows',
      edit: (wb) => sellerEdits.insertRowsBefore(sheet(wb, tab), 3),
      expected: same,
    },
    {
      name: 'row-deleted',
      what: 'The second data row deleted',
      edit: (wb) => sellerEdits.deleteRows(sheet(wb, tab), 3),
      expected: same,
    },
    {
      name: 'row-moved',
      what: 'The last row dragged under the header',
      edit: (wb) => sellerEdits.moveRows(sheet(wb, tab), last(wb, tab), 1, 2),
      expected: same,
    },
    {
      name: 'column-inserted-at-A',
      what: 'A column inserted at A',
      edit: (wb) => sellerEdits.insertColumnsBefore(sheet(wb, tab), 1),
      expected: same,
    },
    {
      name: 'column-moved-to-end',
      what: `The ${header} column dragged to the end`,
      edit: (wb) => {
        sellerEdits.moveColumns(
          sheet(wb, tab),
          columnNumber(wb, tab, header),
          1,
          sheet(wb, tab).maxColumns + 1,
        );
      },
      expected: same,
    },
    {
      name: 'rows-sorted',
      what: `Rows sorted by ${sortBy}, largest first`,
      edit: (wb) => {
        sellerEdits.sortRows(sheet(wb, tab), 2, last(wb, tab), columnNumber(wb, tab, sortBy), true);
      },
      expected: same,
    },
    {
      name: 'rows-filtered',
      what: 'A filter hiding every other data row (the rows stay in the tab)',
      edit: (wb) => {
        let n = 0;
        sellerEdits.filterRows(sheet(wb, tab), 2, last(wb, tab), 1, () => n++ % 2 === 0);
      },
      expected: same,
    },
    {
      // Sheets lets the spreadsheet's owner edit a tab they protected, and scripts skip the
      // warning-only kind: the add-on, running as the owner, imports and refreshes as before.
      // (An editor whom the protection shuts out is refused: workbook-states' protected ledger.)
      name: 'tab-protected-by-owner',
      what: 'The tab protected by its owner (Data → Protect sheets and ranges), and a warning-only range',
      edit: (wb) => {
        const protections = sheet(wb, tab).protections;
        protections.push({ type: 'SHEET', description: `Protected ${tab}`, warningOnly: false });
        protections.push({
          type: 'RANGE',
          description: 'Careful',
          warningOnly: true,
          range: { row: 1, col: 1, numRows: 1, numCols: 3 },
        });
      },
      expected: same,
    },
    {
      name: 'rows-hidden',
      what: 'Two data rows hidden',
      edit: (wb) => sellerEdits.hideRows(sheet(wb, tab), 2, 2),
      expected: same,
    },
    {
      name: 'notes-typed-beside',
      what: 'A note typed two columns right of the tab\u2019s last column',
      edit: (wb) => typeNoteBeside(wb, tab),
      expected: { outcome: 'kept', figures: 'same', kept: [{ sheet: tab, value: NOTE }] },
    },
    {
      name: 'cell-note-added',
      what: 'A cell note (Insert → Note) on the first data row’s first cell, naming what the cell holds',
      edit: (wb) => {
        const s = sheet(wb, tab);
        s.setNote(2, 1, `${CELL_NOTE} ${String(s.value(2, 1))}`);
      },
      expected: { outcome: 'kept', figures: 'same', noteKept: { sheet: tab, note: CELL_NOTE } },
    },
    {
      name: 'tab-renamed',
      what: `${tab} renamed to \`${tab} (old)\``,
      edit: (wb) => {
        sheet(wb, tab).name = `${tab} (old)`;
      },
      expected: same,
    },
    {
      name: 'tab-cleared',
      what: 'Every cell of the tab cleared (Select all, Delete)',
      edit: (wb) => {
        const s = sheet(wb, tab);
        sellerEdits.clearContents(s, 1, 1, s.maxRows, s.maxColumns);
      },
      expected: same,
    },
  ];
  return cases.map((c) => ({
    ...c,
    name: `${key}-${c.name}`,
    tab,
    expected: overrides[c.name] ?? c.expected,
  }));
}

const noUnitCosts: TabEditExpected = {
  outcome: 'kept',
  figures: 'no-unit-costs',
  dashboard: /Net profit is before product cost for \d+ sold SKUs? with no unit cost in TTS COGS/,
};
/** What each edit of TTS Ad SKUs must leave: the mapping read, and what the seller typed kept. */
function adSkusExpected(): Partial<Record<string, TabEditExpected>> {
  const mappingRead = /No product (is known to )?loses? money on its ads|\d+ products? loses? money on ads/;
  const mappingGone = /No ad spend by product yet, so no product is judged\./;
  const kept = (...values: string[]): TabEditExpected => ({
    outcome: 'kept',
    figures: 'same',
    dashboard: mappingRead,
    kept: [TYPED_AD_SKU, ...values].map((value) => ({ sheet: TABS.adSkus, value })),
  });
  const names = [
    'row-inserted-in-data',
    'row-deleted',
    'row-moved',
    'column-inserted-at-A',
    'column-moved-to-end',
    'rows-sorted',
    'rows-filtered',
    'tab-protected-by-owner',
    'rows-hidden',
  ];
  return {
    ...Object.fromEntries(names.map((name) => [name, kept()])),
    'title-row-inserted': kept(`My ${TABS.adSkus}`),
    'notes-typed-beside': kept(NOTE),
    // The renamed tab keeps its cells but is no longer read; a cleared one has no mapping left.
    'tab-renamed': {
      outcome: 'kept',
      figures: 'same',
      dashboard: mappingGone,
      kept: [{ sheet: TABS.adSkus, value: TYPED_AD_SKU }],
    },
    'tab-cleared': { outcome: 'kept', figures: 'same', dashboard: mappingGone },
  };
}
const noRunningCosts: TabEditExpected = { outcome: 'kept', figures: 'no-running-costs' };
const dashboardRefused = (cell: RegExp): TabEditExpected => ({
  outcome: 'refused',
  step: 'refresh',
  message: new RegExp(
    `^TTS Dashboard was not refreshed: row \\d+ of columns A–P is not as TTS Profit wrote it \\(${cell.source}\\)\\..*Nothing was changed\\.$`,
  ),
});

export const TAB_EDITS: TabEdit[] = [
  // The ledger's inserts, moves, deletes, sorts and renames are the workbook states' (workbook-states.ts).
  ...commonEdits('ledger', 'Order date', 'Total settlement amount').filter((c) =>
    [
      'ledger-rows-filtered',
      'ledger-rows-hidden',
      'ledger-notes-typed-beside',
      'ledger-cell-note-added',
      'ledger-tab-cleared',
      'ledger-column-moved-to-end',
    ].includes(c.name),
  ),
  ...commonEdits('imports', 'File', 'New rows'),
  ...commonEdits('cogs', 'Unit cost', 'Unit cost', {
    // The unit costs the seller typed go with the rows: what is no longer in TTS COGS has no cost.
    // April's two new SKUs have no cost in any case; the deleted row's SKU comes back without one: 3.
    'row-deleted': {
      ...noUnitCosts,
      figures: 'second-sku-without-cost',
      dashboard: /before product cost for 3 sold SKUs with no unit cost/,
    },
    'tab-renamed': noUnitCosts,
    'tab-cleared': noUnitCosts,
  }),
  ...commonEdits('costs', 'Amount', 'Amount', {
    // The one running cost is on the first data row.
    'row-deleted': same,
    'tab-renamed': noRunningCosts,
    'tab-cleared': noRunningCosts,
  }),
  ...commonEdits('ads', 'Cost', 'Cost'),
  // The campaign → SKU mapping is the seller's: still read after the edit (the refresh judges the
  // mapped product), each campaign listed once, new campaigns appended in the header's columns.
  ...commonEdits('adSkus', 'SKU ID', 'Campaign name', adSkusExpected()),
  ...commonEdits('dashboard', 'Sales', 'Sales', {
    'title-row-inserted': dashboardRefused(/A1 holds `My TTS Dashboard`/),
    'row-inserted-in-data': dashboardRefused(/[A-P]\d+ holds `[^`]+`/),
    'row-deleted': dashboardRefused(/[A-P]\d+ holds `[^`]+`/),
    'row-moved': dashboardRefused(/[A-P]\d+ holds `[^`]+`/),
    'column-inserted-at-A': dashboardRefused(/B1 holds `Month`/),
    'column-moved-to-end': dashboardRefused(/A1 holds `Month`/),
    'rows-sorted': dashboardRefused(/[A-P]\d+ holds `[^`]+`/),
    // Columns A–P are rewritten on every refresh: a note there is not the seller's to keep.
    'cell-note-added': same,
  }),
  {
    name: 'dashboard-note-typed-in-owned-columns',
    tab: TABS.dashboard,
    what: 'A note typed in an empty cell of columns A–P, under the tables',
    edit: (wb) => wb.seed(TABS.dashboard, [[NOTE]], last(wb, TABS.dashboard) + 2, 3),
    expected: dashboardRefused(/C\d+ holds `checked with the accountant`/),
  },
  {
    name: 'dashboard-figure-overwritten',
    tab: TABS.dashboard,
    what: 'A figure of the monthly table typed over',
    edit: (wb) => wb.seed(TABS.dashboard, [[12345]], 2, 2),
    expected: dashboardRefused(/A2 holds `2026-\d\d`/),
  },
  {
    name: 'adSkus-campaign-retyped',
    tab: TABS.adSkus,
    what: 'The mapped campaign retyped in lower case with a double space',
    edit: (wb) => {
      const cell = String(wb.valuesOf(TABS.adSkus)[1][0]);
      wb.seed(TABS.adSkus, [[cell.toLowerCase().replace(' ', '  ')]], 2, 1);
    },
    expected: adSkusExpected()['rows-hidden']!,
  },
  {
    name: 'adSkus-header-renamed',
    tab: TABS.adSkus,
    what: 'The SKU ID header retyped as `SKU IDs`',
    edit: (wb) => wb.seed(TABS.adSkus, [['SKU IDs']], 1, columnNumber(wb, TABS.adSkus, 'SKU ID')),
    // Said in the refresh, not taken for a tab nobody filled in; the tab is left as the seller made it.
    expected: {
      outcome: 'kept',
      figures: 'same',
      noAdSkusHeader: true,
      dashboard:
        /No ad spend by product yet[\s\S]*TTS Ad SKUs has no row naming both \*Campaign name\* and \*SKU ID\* among its first rows/,
      kept: [{ sheet: TABS.adSkus, value: TYPED_AD_SKU }],
    },
  },
  {
    name: 'cogs-note-typed-below',
    tab: TABS.cogs,
    what: 'A note typed in the Product name column under the SKUs',
    edit: (wb) =>
      wb.seed(TABS.cogs, [[NOTE]], last(wb, TABS.cogs) + 2, columnNumber(wb, TABS.cogs, 'Product name')),
    expected: { outcome: 'kept', figures: 'same', kept: [{ sheet: TABS.cogs, value: NOTE }] },
  },
  ...(
    [
      [
        'costs-totals-row-typed-below',
        'A totals row typed under the running costs: Total and their sum',
        'Total',
      ],
      ['costs-bare-sum-typed-below', 'The running costs summed under them with no name and no Every', ''],
    ] as const
  ).map(([name, what, label]): TabEdit => ({
    name,
    tab: TABS.costs,
    what,
    // Skipped, as TTS COGS and TTS Ads skip theirs: the running costs are counted once.
    edit: (wb) =>
      wb.seed(TABS.costs, [[label, 30]], last(wb, TABS.costs) + 1, columnNumber(wb, TABS.costs, 'Cost')),
    expected: { outcome: 'kept', figures: 'same' },
  })),
  {
    name: 'costs-note-typed-below',
    tab: TABS.costs,
    what: 'A note typed in the Cost column under the running costs',
    edit: (wb) =>
      wb.seed(TABS.costs, [[NOTE]], last(wb, TABS.costs) + 2, columnNumber(wb, TABS.costs, 'Cost')),
    expected: { outcome: 'kept', figures: 'same', kept: [{ sheet: TABS.costs, value: NOTE }] },
  },
];
