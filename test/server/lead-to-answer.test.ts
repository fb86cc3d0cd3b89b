/**
 * From an import to the answer, through the built bundle: the dashboard tab comes to the front
 * after a refresh, says when new imports put it out of date (what changed, since when, on the
 * spreadsheet's clock) until the next refresh, and *Open ledger* / *Fill unit costs* show their tabs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, Workbook } from '../../emulator/index';
import type { DashboardFreshness } from '../../src/core/contract';
import { ensureBuilt, harness, sampleStatement, withRows } from './import-harness';

beforeAll(ensureBuilt);

const DASHBOARD = 'TTS Dashboard';

function dashboardLine(h: ReturnType<typeof harness>): unknown {
  const values = h.values(DASHBOARD);
  for (const row of values) {
    const c = row.slice(0, 16).indexOf('Dashboard'); // the add-on's columns, A–P
    if (c >= 0) return row[c + 1];
  }
  return undefined;
}

describe('after a refresh and after new imports', () => {
  it('activates the dashboard, then says it is out of date until refreshed again', async () => {
    const h = harness(new Workbook({ timeZone: 'America/New_York' }));
    const parsed = sampleStatement();
    await h.importFiles([withRows(parsed, parsed.rows.slice(0, 100))]);
    expect(h.run('getDashboardFreshness', null)).toEqual({
      exists: false,
      stale: false,
      message: 'Not built yet: use Refresh dashboard.',
    });

    h.run('refreshDashboard', null);
    expect(h.workbook.activeSheet().name).toBe(DASHBOARD);
    expect(dashboardLine(h)).toMatch(
      /^Up to date with TTS Ledger \(refreshed \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)\.$/,
    );

    const clock = () =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'America/New_York',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(new Date());
    const before = clock();
    await h.importFiles([withRows(parsed, parsed.rows.slice(80, 150))]);
    const after = clock();
    await h.importFiles([withRows({ ...parsed, fileName: 'second.csv' }, parsed.rows.slice(150))]);
    const stale = h.run('getDashboardFreshness', null) as DashboardFreshness;
    expect(stale).toMatchObject({ exists: true, stale: true });
    const since = /since (\S+ \S+) \(/.exec(stale.message)?.[1];
    expect([before, after]).toContain(since); // the first import after the refresh, New York time
    expect(stale.message).toBe(
      `Out of date: ${parsed.rows.length - 100} new ledger rows from 2 imports since ` +
        `${since} (statement-2026-05.csv, second.csv), not shown here. Use Refresh ` +
        `dashboard.`,
    );
    expect(dashboardLine(h)).toBe(stale.message);

    // A "Dashboard" the seller typed beside the charts is theirs: the line is found among the add-on's columns only.
    loadBundleInVm({ workbook: h.workbook }).inRealm<void>(
      "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('TTS Dashboard').getRange('R1:S1').setValues([['Dashboard', 'my note']])",
    );
    await h.importFiles([
      withRows(
        { ...parsed, fileName: 'third.csv' },
        parsed.rows.slice(0, 100).map((r) => ({ ...r, key: `${r.key}|again` })),
      ),
    ]);
    expect(h.workbook.sheet(DASHBOARD)!.value(1, 19)).toBe('my note');
    expect(String(dashboardLine(h))).toMatch(/^Out of date: /);
    // An import that adds nothing changes nothing.
    const afterThird = (h.run('getDashboardFreshness', null) as DashboardFreshness).message;
    await h.importFiles([parsed]);
    expect((h.run('getDashboardFreshness', null) as DashboardFreshness).message).toBe(afterThird);

    h.run('refreshDashboard', null);
    expect(h.run('getDashboardFreshness', null)).toMatchObject({ exists: true, stale: false });
    expect(dashboardLine(h)).toMatch(/^Up to date/);
  });

  it('Open ledger and Fill unit costs show their tabs; a tab not made yet is a clear message', async () => {
    const h = harness();
    expect(() => h.run('openTab', 'ledger')).toThrow(
      'There is no TTS Ledger tab yet: import a statement export first.',
    );
    await h.importFiles([sampleStatement()]);
    expect(h.run('openTab', 'ledger')).toEqual({ name: 'TTS Ledger' });
    expect(h.workbook.activeSheet().name).toBe('TTS Ledger');
    expect(h.run('openTab', 'cogs')).toEqual({ name: 'TTS COGS' });
    expect(h.workbook.activeSheet().name).toBe('TTS COGS');
    expect(() => h.run('openTab', 'toString')).toThrow(
      'No tab to open for "toString": expected one of ledger, imports, cogs, dashboard.',
    );
  });
});

describe('Refresh dashboard from the menu', () => {
  it('shows a failure in a dialog with its reason, not as an uncaught error', async () => {
    const h = harness();
    await h.importFiles([sampleStatement()]);
    let alerts: { title: string; prompt: string }[] = [];
    h.run('menuRefreshDashboard', null, (rt) => {
      rt.services.locks.holdByAnotherUser('document');
      alerts = rt.services.ui.alerts;
    });
    expect(alerts).toHaveLength(1);
    expect(alerts[0].title).toBe('TTS Profit: the dashboard was not refreshed');
    expect(alerts[0].prompt.length).toBeGreaterThan(20);
    expect(h.workbook.toasts).toHaveLength(0);
  });
});
