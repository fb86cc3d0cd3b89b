// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { DashboardResult, ForecastStatus, ServerHandlerName, Settings } from '../../src/core/contract';
import {
  createForecastPanel,
  monthName,
  parseDollars,
  percent,
  type ForecastCaller,
} from '../../src/sidebar/forecast-panel';

const STATUS: ForecastStatus = {
  hasData: true,
  asOf: '2026-05-10',
  month: '2026-05',
  metric: 'gross',
  monthlyTargetCents: 6_500_000,
  annualTargetCents: 100_000_000,
  monthToDateCents: 2_000_000,
  daysElapsed: 10,
  daysLeft: 21,
  paceCents: 6_029_735,
  expectedMonthCents: 6_329_700,
  neededPerDayCents: 214_286,
  chanceThisMonth: 0.4567,
  chanceBasis: 'forecast',
  firstMonthAtTarget: '2026-07',
  annualCrossingMonth: null,
  yearToDateCents: 25_500_000,
  projectedYearCents: 87_654_321,
  method: 'recent trend',
  beatsNaive: true,
  backtest: { origins: 12, horizon: 3, modelMape: 8.4, naiveMape: 12.6, seasonalNaiveMape: null },
  paceLine:
    'Behind: expected $63,297 this month, $1,703 short of the $65,000 target; $2,143 a day needed for the last 21 days ($45,000 to go).',
  forecastMessage:
    'Based on your last 4 months (recent trend); on past months this method ' +
    'was off by 8% on average. June 2026: about $74,000 (8 in 10 chance ' +
    'between $66,000 and $82,000).',
  message: '$20,000 of the $65,000 target in May 2026, through May 10.',
};

function fakeServer(overrides: Partial<Record<ServerHandlerName, (arg: unknown) => unknown>> = {}) {
  let settings: Settings = { monthlyTarget: 65_000, annualTarget: 1_000_000, metric: 'gross' };
  const calls: { name: ServerHandlerName; arg: unknown }[] = [];
  const handlers: Partial<Record<ServerHandlerName, (arg: unknown) => unknown>> = {
    getSettings: () => settings,
    saveSettings: (arg) => (settings = arg as Settings),
    getForecastStatus: () => ({
      ...STATUS,
      monthlyTargetCents: Math.round(settings.monthlyTarget * 100),
      metric: settings.metric,
    }),
    refreshDashboard: (): DashboardResult => ({
      message: 'TTS Dashboard refreshed: 5 months of sales, 4 charts.',
      months: 5,
      charts: 4,
    }),
    ...overrides,
  };
  const call = (async (name: ServerHandlerName, arg: unknown) => {
    calls.push({ name, arg });
    await Promise.resolve();
    const handler = handlers[name];
    if (!handler) throw new Error(`unexpected call ${name}`);
    return handler(arg);
  }) as ForecastCaller;
  return { call, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(server = fakeServer()) {
  const panel = createForecastPanel({ call: server.call });
  document.body.replaceChildren(panel.element);
  await settle();
  const el = panel.element;
  const input = (id: string) => el.querySelector<HTMLInputElement>(`#${id}`)!;
  const button = (name: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === name)!;
  const facts = () =>
    Object.fromEntries(
      [...el.querySelectorAll('.status-card .fact')].map((f) => [
        f.querySelector('dt')!.textContent,
        f.querySelector('dd')!.textContent,
      ]),
    );
  return { panel, el, server, input, button, facts };
}

describe('the Forecast panel', () => {
  it('shows the saved targets and metric in labelled inputs', async () => {
    const { el, input } = await mount();
    expect(input('forecast-monthly-target').value).toBe('65000');
    expect(input('forecast-annual-target').value).toBe('1000000');
    expect(el.querySelector<HTMLSelectElement>('#forecast-metric')!.value).toBe('gross');
    for (const id of ['forecast-monthly-target', 'forecast-annual-target', 'forecast-metric']) {
      expect(el.querySelector(`label[for="${id}"]`)).not.toBeNull();
    }
  });

  it('fills the status card: month to date, expected month, needed per day, chance, crossing months, expected year, backtest', async () => {
    const { el, facts } = await mount();
    expect(facts()).toEqual({
      'Month to date': '$20,000 of $65,000 (May 2026, 10 days)',
      'Expected this month': '$63,297 (so far plus the forecast for the days left)',
      'Needed per day': '$2,143 (21 days left)',
      'Chance to hit this month': '46% (from the forecast for the days left)',
      'First month at $65,000': 'July 2026',
      'Expected in 2026': '$876,543 ($255,000 so far)',
      'Year reaches $1,000,000': 'not in 2026',
    });
    const text = el.querySelector('.status-card')!.textContent!;
    expect(text).toContain(STATUS.message);
    expect(text).toContain(STATUS.paceLine);
    expect(text).toContain(STATUS.forecastMessage);
    expect(text).toContain(
      'Checked on your last 12 months, forecasting each up to 3 months ahead: this method was off by 8% on average; “same as last month” by 13%.',
    );
    // One way of writing money: whole dollars with a dollar sign, everywhere on the card.
    for (const amount of text.match(/\$[\d,]+(\.\d+)?/g)!) expect(amount).toMatch(/^\$\d{1,3}(,\d{3})*$/);
    expect(text).not.toMatch(/ETS|\(\w,\w+,\w\)/);
    expect(el.querySelector('.status-card')!.getAttribute('aria-live')).toBe('polite');
  });

  it('says why there is no chance figure with too little history, and what to do without data', async () => {
    const thin = await mount(
      fakeServer({
        getForecastStatus: () => ({
          ...STATUS,
          chanceThisMonth: null,
          chanceBasis: 'too-little-history',
          firstMonthAtTarget: null,
          method: '',
          backtest: { origins: 0, horizon: 0, modelMape: null, naiveMape: null, seasonalNaiveMape: null },
        }),
      }),
    );
    expect(thin.facts()['Chance to hit this month']).toBe('— (needs 7 full months of sales)');
    expect(thin.el.querySelector('.status-card')!.textContent).not.toContain('Checked on');
    const empty = await mount(
      fakeServer({
        getForecastStatus: () => ({
          ...STATUS,
          hasData: false,
          message: 'No dated sales in the TTS Ledger tab yet: import a statement export first.',
        }),
      }),
    );
    expect(empty.el.querySelector('.status-card')!.textContent).toBe(
      'No dated sales in the TTS Ledger tab yet: import a statement export first.',
    );
  });

  it('saves the targets in dollars with the metric, then reloads the card', async () => {
    const { el, input, button, server, facts } = await mount();
    input('forecast-monthly-target').value = '$50,000';
    input('forecast-annual-target').value = '600000';
    el.querySelector<HTMLSelectElement>('#forecast-metric')!.value = 'net';
    button('Save').click();
    await settle();
    await settle();
    expect(server.calls.find((c) => c.name === 'saveSettings')?.arg).toEqual({
      monthlyTarget: 50_000,
      annualTarget: 600_000,
      metric: 'net',
    });
    expect(input('forecast-monthly-target').value).toBe('50000');
    expect(el.querySelector('.build-result')!.textContent).toBe('Targets saved.');
    expect(facts()['Month to date']).toBe('$20,000 of $50,000 (May 2026, 10 days)');
  });

  it('refuses a target that is not a positive dollar amount, in words, without calling the server', async () => {
    const { el, input, server } = await mount();
    input('forecast-monthly-target').value = 'lots';
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(el.querySelector('.settings-form .error-message')!.textContent).toBe(
      'Monthly target: enter a dollar amount above 0, such as 65000 (found "lots").',
    );
    expect(document.activeElement).toBe(input('forecast-monthly-target'));
    expect(server.calls.some((c) => c.name === 'saveSettings')).toBe(false);
  });

  it('shows the server’s refusal inline', async () => {
    const { el, button } = await mount(
      fakeServer({
        saveSettings: () => {
          throw new Error(
            'Targets must be positive dollar amounts and the metric one of gross, net or settlement.',
          );
        },
      }),
    );
    button('Save').click();
    await settle();
    await settle();
    expect(el.querySelector('.settings-form .error-message')!.textContent).toBe(
      'Targets must be positive dollar amounts and the metric one of gross, net or settlement.',
    );
  });

  it('Build charts refreshes the dashboard and reports what it did, or why it failed', async () => {
    const { el, button, server } = await mount();
    button('Build charts').click();
    expect(button('Build charts').disabled).toBe(true);
    await settle();
    await settle();
    expect(server.calls.map((c) => c.name)).toContain('refreshDashboard');
    expect(el.querySelector('.build-result')!.textContent).toBe(
      'TTS Dashboard refreshed: 5 months of sales, 4 charts.',
    );
    expect(button('Build charts').disabled).toBe(false);

    const failing = await mount(
      fakeServer({
        refreshDashboard: () => {
          throw new Error('TTS COGS row 2, column E (Unit cost): expected an amount, found `ten`.');
        },
      }),
    );
    failing.button('Build charts').click();
    await settle();
    await settle();
    const result = failing.el.querySelector('.build-result')!;
    expect(result.textContent).toBe('TTS COGS row 2, column E (Unit cost): expected an amount, found `ten`.');
    expect(result.className).toContain('failed');
  });
});

describe('forecast panel wording', () => {
  it('names months, rounds chances without claiming certainty, and reads dollar amounts', () => {
    expect(monthName('2026-07')).toBe('July 2026');
    expect(percent(0.4567)).toBe('46%');
    expect(percent(0.001)).toBe('under 1%');
    expect(percent(0.996)).toBe('over 99%');
    expect(percent(1)).toBe('100%');
    expect(parseDollars('65,000')).toBe(65_000);
    expect(parseDollars('$1,000,000.50')).toBe(1_000_000.5);
    expect(parseDollars('0')).toBeNull();
    expect(parseDollars('-5')).toBeNull();
    expect(parseDollars('12.345')).toBeNull();
  });
});
