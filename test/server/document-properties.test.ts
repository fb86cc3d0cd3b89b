// What the add-on keeps in document properties can be anything by the time it is read again: edited
// by hand in the script editor, cut short, or left by an older version. Each reads as its default,
// and the next write puts a good value back.
import { beforeAll, describe, expect, it } from 'vitest';
import { allChartSpecs, jsonRoundTrip, loadBundleInVm, type Workbook } from '../../emulator/index';
import type { DashboardResult, Settings } from '../../src/core/contract';
import { ensureBuilt } from './import-harness';
import { dashboardWorkbook } from './dashboard-workbook';

beforeAll(ensureBuilt);

function run<T>(workbook: Workbook, name: string, arg: unknown = null): T {
  const rt = loadBundleInVm({ workbook });
  return jsonRoundTrip(rt.call(name, jsonRoundTrip(arg, 'argument')), 'result') as T;
}

const UNREADABLE = ['{"monthlyTarget": 5', 'null', '42', '"text"', '[1, 2]', '{}'];

describe('document properties the seller or an older version left behind', () => {
  it.each(UNREADABLE)('reads the default targets when the stored settings are %s', (stored) => {
    const workbook = dashboardWorkbook();
    workbook.properties.document['tts.settings'] = stored;
    expect(run<Settings>(workbook, 'getSettings')).toEqual({
      monthlyTarget: 65_000,
      annualTarget: 1_000_000,
      metric: 'gross',
    });
  });

  it('reads the default targets when a stored target is out of bounds, and saving puts good settings back', () => {
    const workbook = dashboardWorkbook();
    workbook.properties.document['tts.settings'] = JSON.stringify({
      monthlyTarget: -5,
      annualTarget: 1_000_000,
      metric: 'gross',
    });
    expect(run<Settings>(workbook, 'getSettings').monthlyTarget).toBe(65_000);
    run(workbook, 'saveSettings', { monthlyTarget: 80_000, annualTarget: 900_000, metric: 'net' });
    expect(JSON.parse(workbook.properties.document['tts.settings'])).toEqual({
      monthlyTarget: 80_000,
      annualTarget: 900_000,
      metric: 'net',
    });
    expect(run<Settings>(workbook, 'getSettings')).toEqual({
      monthlyTarget: 80_000,
      annualTarget: 900_000,
      metric: 'net',
    });
  });

  it.each(UNREADABLE)(
    'refreshes the dashboard when its chart ids, freshness and fingerprints are %s',
    (stored) => {
      const workbook = dashboardWorkbook();
      for (const key of ['tts.dashboardChartIds', 'tts.dashboard.freshness', 'tts.dashboard.written'])
        workbook.properties.document[key] = stored;
      const result = run<DashboardResult>(workbook, 'refreshDashboard');
      expect(result).toMatchObject({ months: 5, charts: 5 });
      const ids: unknown = JSON.parse(workbook.properties.document['tts.dashboardChartIds']);
      expect(Array.isArray(ids) && ids.length === 5 && ids.every((id) => typeof id === 'number')).toBe(true);
      expect(JSON.parse(workbook.properties.document['tts.dashboard.freshness'])).toMatchObject({
        pending: null,
      });
      // A second refresh removes the five charts the first drew instead of adding five more.
      expect(run<DashboardResult>(workbook, 'refreshDashboard')).toMatchObject({ charts: 5 });
      expect(JSON.parse(workbook.properties.document['tts.dashboardChartIds'])).toHaveLength(5);
      expect(allChartSpecs(workbook).filter((c) => c.sheet === 'TTS Dashboard')).toHaveLength(5);
    },
  );
});
