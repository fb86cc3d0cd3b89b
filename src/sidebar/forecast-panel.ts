/**
 * The Forecast panel: the seller's targets and sales metric (saved per spreadsheet), a card with
 * where this month stands and where the year is heading, and *Build charts* for the TTS Dashboard tab.
 */
import type {
  ChanceBasis,
  ForecastStatus,
  SalesMetric,
  ServerApi,
  ServerHandlerName,
  Settings,
} from '../core/contract';
import { h, replaceChildren } from './dom';
import { formatDollars } from '../core/analysis/threshold';
import { MONTH_NAMES } from '../core/dates';

/** The shape of callServer (src/sidebar/server-client.ts), so tests can pass a fake. */
export type ForecastCaller = <K extends ServerHandlerName>(
  name: K,
  arg: Parameters<ServerApi[K]>[0],
) => Promise<ReturnType<ServerApi[K]>>;

export interface ForecastPanelOptions {
  call: ForecastCaller;
}

export interface ForecastPanel {
  element: HTMLElement;
  /** Reads the settings and the status again (after an import, say). */
  refresh(): Promise<void>;
}

const METRICS: { value: SalesMetric; label: string }[] = [
  { value: 'gross', label: 'Gross sales (items sold and kept)' },
  { value: 'net', label: 'Net sales (after discounts)' },
  { value: 'settlement', label: 'Settlement (after fees)' },
];

const CHANCE_NOTES: Record<ChanceBasis, string> = {
  forecast: 'from the forecast for the days left',
  'target-met': 'target already met',
  'month-closed': 'month is over',
  'too-little-history': 'needs 7 full months of sales',
};

/** `2026-07` → `July 2026`. */
export function monthName(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}` : month;
}

/** `0.4567` → `46%`; below 1 % and above 99 % say so rather than round to certainty. */
export function percent(p: number): string {
  if (p > 0 && p < 0.01) return 'under 1%';
  if (p < 1 && p > 0.99) return 'over 99%';
  return `${Math.round(p * 100)}%`;
}

/** Whole dollars, `$65,000`: every amount on the card is written this one way. */
const dollars = formatDollars;

/** A positive dollar amount typed by the seller (`65000`, `65,000`, `$65,000.50`), or null. */
export function parseDollars(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value > 0 ? value : null;
}

function fact(label: string, value: string, note?: string): HTMLElement {
  return h(
    'div',
    { className: 'fact num' },
    h('dt', {}, label),
    h('dd', {}, value, note ? h('span', { className: 'note' }, ` (${note})`) : null),
  );
}

/** How the methods did on the seller's past months, in words (the forecast message names the method). */
function backtestLine(status: ForecastStatus): string | null {
  const b = status.backtest;
  if (b.origins === 0 || b.modelMape === null) return null;
  const ahead = b.horizon > 1 ? `up to ${b.horizon} months ahead` : 'one month ahead';
  const others = [
    b.naiveMape !== null ? `“same as last month” by ${Math.round(b.naiveMape)}%` : '',
    b.seasonalNaiveMape !== null ? `“same month last year” by ${Math.round(b.seasonalNaiveMape)}%` : '',
  ].filter(Boolean);
  const shown = status.beatsNaive
    ? `this method was off by ${Math.round(b.modelMape)}% on average`
    : `the method shown was off by ${Math.round(b.modelMape)}% on average`;
  return (
    `Checked on your last ${b.origins} months, forecasting each ` +
    `${ahead}: ${shown}${others.length > 0 && status.beatsNaive ? `; ${others.join(', ')}` : ''}.`
  );
}

/** The status card's contents. */
export function renderStatus(status: ForecastStatus): HTMLElement[] {
  if (!status.hasData) return [h('p', { className: 'hint' }, status.message)];
  const target = dollars(status.monthlyTargetCents);
  const year = status.asOf.slice(0, 4);
  const chance = status.chanceThisMonth === null ? '—' : percent(status.chanceThisMonth);
  const crossingMonthly = status.firstMonthAtTarget
    ? monthName(status.firstMonthAtTarget)
    : status.method
      ? 'not in the forecast months'
      : '—';
  const crossingYear = status.annualCrossingMonth ? monthName(status.annualCrossingMonth) : `not in ${year}`;
  const monthOver = status.daysLeft === 0;
  const facts = h(
    'dl',
    { className: 'facts' },
    fact(
      'Month to date',
      `${dollars(status.monthToDateCents)} of ${target}`,
      `${monthName(status.month)}, ${status.daysElapsed} days`,
    ),
    fact(
      'Expected this month',
      dollars(status.expectedMonthCents),
      monthOver
        ? 'month is over'
        : status.method === ''
          ? 'at the pace so far'
          : 'so far plus the forecast for the days left',
    ),
    fact(
      'Needed per day',
      monthOver ? '—' : status.neededPerDayCents === 0 ? 'target met' : dollars(status.neededPerDayCents),
      monthOver ? 'month is over' : `${status.daysLeft} days left`,
    ),
    fact('Chance to hit this month', chance, CHANCE_NOTES[status.chanceBasis]),
    fact(`First month at ${target}`, crossingMonthly),
    fact(
      `Expected in ${year}`,
      dollars(status.projectedYearCents),
      `${dollars(status.yearToDateCents)} so far`,
    ),
    fact(`Year reaches ${dollars(status.annualTargetCents)}`, crossingYear),
  );
  const backtest = backtestLine(status);
  const parts: HTMLElement[] = [
    h('h3', {}, status.message),
    facts,
    h('p', { className: 'note' }, status.paceLine),
    h('p', { className: 'note' }, status.forecastMessage),
  ];
  if (backtest) parts.push(h('p', { className: 'note' }, backtest));
  return parts;
}

export function createForecastPanel(options: ForecastPanelOptions): ForecastPanel {
  const { call } = options;
  const monthlyInput = h('input', {
    id: 'forecast-monthly-target',
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
  });
  const annualInput = h('input', {
    id: 'forecast-annual-target',
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
  });
  const metricSelect = h(
    'select',
    { id: 'forecast-metric' },
    ...METRICS.map((m) => h('option', { value: m.value }, m.label)),
  );
  const saveButton = h('button', { type: 'submit' }, 'Save');
  const formError = h('p', { className: 'error-message', role: 'alert' });
  const form = h(
    'form',
    { className: 'settings-form', novalidate: true },
    h('label', { for: monthlyInput.id }, 'Monthly target ($)'),
    monthlyInput,
    h('label', { for: annualInput.id }, 'Annual target ($)'),
    annualInput,
    h('label', { for: metricSelect.id }, 'Sales that count'),
    metricSelect,
    h('div', { className: 'buttons' }, saveButton),
    formError,
  );
  const card = h(
    'div',
    { className: 'status-card', 'aria-live': 'polite' },
    h('p', { className: 'hint' }, 'Loading…'),
  );
  const buildButton = h('button', { type: 'button' }, 'Build charts'); // Next's Refresh dashboard is the sidebar's one primary action
  const result = h('p', { className: 'build-result', role: 'status' });
  const element = h(
    'section',
    { className: 'panel forecast-panel', 'aria-labelledby': 'forecast-title' },
    h('h2', { id: 'forecast-title' }, 'Forecast'),
    form,
    card,
    h('div', { className: 'buttons' }, buildButton),
    result,
  );

  function showSettings(settings: Settings): void {
    monthlyInput.value = String(settings.monthlyTarget);
    annualInput.value = String(settings.annualTarget);
    metricSelect.value = settings.metric;
  }

  function showError(where: HTMLElement, error: unknown): void {
    where.textContent = error instanceof Error ? error.message : String(error);
  }

  async function loadStatus(): Promise<void> {
    try {
      replaceChildren(card, ...renderStatus(await call('getForecastStatus', null)));
    } catch (error) {
      replaceChildren(
        card,
        h(
          'p',
          { className: 'error-message' },
          `Could not read the forecast: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
  }

  async function refresh(): Promise<void> {
    try {
      showSettings(await call('getSettings', null));
    } catch (error) {
      showError(formError, error);
    }
    await loadStatus();
  }

  function readForm(): Settings | string {
    const monthlyTarget = parseDollars(monthlyInput.value);
    if (monthlyTarget === null)
      return `Monthly target: enter a dollar amount above 0, such as 65000 (found "${monthlyInput.value}").`;
    const annualTarget = parseDollars(annualInput.value);
    if (annualTarget === null)
      return `Annual target: enter a dollar amount above 0, such as 1000000 (found "${annualInput.value}").`;
    return { monthlyTarget, annualTarget, metric: metricSelect.value as SalesMetric };
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });

  async function save(): Promise<void> {
    const settings = readForm();
    formError.textContent = '';
    if (typeof settings === 'string') {
      formError.textContent = settings;
      (settings.startsWith('Monthly') ? monthlyInput : annualInput).focus();
      return;
    }
    saveButton.disabled = true;
    try {
      showSettings(await call('saveSettings', settings));
      result.className = 'build-result complete';
      result.textContent = 'Targets saved.';
      await loadStatus();
    } catch (error) {
      showError(formError, error);
    } finally {
      saveButton.disabled = false;
    }
  }

  buildButton.addEventListener('click', () => void build());

  async function build(): Promise<void> {
    buildButton.disabled = true;
    result.className = 'build-result';
    result.textContent = 'Building the TTS Dashboard tab…';
    try {
      const done = await call('refreshDashboard', null);
      result.className = done.charts > 0 ? 'build-result complete' : 'build-result';
      result.textContent = done.message;
      await loadStatus();
    } catch (error) {
      result.className = 'build-result failed';
      showError(result, error);
    } finally {
      buildButton.disabled = false;
    }
  }

  void refresh();
  return { element, refresh };
}
