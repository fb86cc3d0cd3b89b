/**
 * Every rule of the TTS Costs tab (src/core/analysis/running-costs.ts), each with its figure worked
 * by hand in the test: a fixed amount per week, month or year is spread over the days of its own
 * period (whole cents, the first days of a period carrying the remainder), a one-time cost falls on
 * its day, start and end dates cut a period, and a percentage is taken of a sales figure once,
 * rounded half up.
 */
import { describe, expect, it } from 'vitest';
import {
  fixedCostBetween,
  monthEnd,
  periodShare,
  readRunningCosts,
  runningCostLines,
  runningCostsBetween,
  type MetricSums,
} from '../../src/core/analysis/running-costs';

const HEADER = ['Cost', 'Amount', 'Every', 'Percent', 'Of', 'Starts', 'Ends'];
const one = (row: (string | number)[]) => readRunningCosts([HEADER, row])[0];
const month = (cost: ReturnType<typeof one>, m: string) => fixedCostBetween(cost, `${m}-01`, monthEnd(m));
const NO_SALES = new Map<string, MetricSums>();

describe('spreading one period over its days', () => {
  it('$300.00 over February 2026 (28 days): the first n days cost 30,000 × n ÷ 28, rounded to the cent', () => {
    expect(periodShare(30_000, 28, 0, 27)).toBe(30_000);
    // Days 10–20 are days 9…19 of the period: 30,000 × 20 ÷ 28 = 21,428.6 → 21,429, less
    // 30,000 × 9 ÷ 28 = 9,642.9 → 9,643: 11,786 (exactly 300 × 11 ÷ 28 = 117.857).
    expect(periodShare(30_000, 28, 9, 19)).toBe(11_786);
    // 13–28 February: 30,000 less 30,000 × 12 ÷ 28 = 12,857.1 → 12,857 (exactly 300 × 16 ÷ 28 = 171.43).
    expect(periodShare(30_000, 28, 12, 27)).toBe(17_143);
  });
});

describe('a monthly cost', () => {
  const rent = one(['Storage', '300.00', 'month', '', '', '2026-01-01', '']);

  it('is its whole amount in each full month, whatever the month’s length', () => {
    expect(['2026-01', '2026-02', '2026-04'].map((m) => month(rent, m))).toEqual([30_000, 30_000, 30_000]);
  });

  it('gives 10–20 February 2026 its share: $300.00 × 11 ÷ 28 = $117.857 → $117.86', () => {
    expect(fixedCostBetween(rent, '2026-02-10', '2026-02-20')).toBe(11_786);
  });

  it('starting on the 15th runs 15th to 14th: $310.00 → January 17 × $10.00 = $170.00, February $140.00 + $155.00', () => {
    const app = one(['Agency', 310, 'monthly', '', '', '2026-01-15', '']);
    // 15 Jan – 14 Feb is 31 days: 31,000 / 31 = 1,000 a day exactly.
    expect(month(app, '2026-01')).toBe(17_000);
    // 1–14 Feb: 14 × 1,000. 15 Feb – 14 Mar is 28 days, so 15–28 Feb is half of it: 15,500.
    expect(month(app, '2026-02')).toBe(14_000 + 15_500);
    expect(month(app, '2025-12')).toBe(0);
  });

  it('ending on 10 February 2026 stops there: $300.00 × 10 ÷ 28 = $107.14, and nothing after', () => {
    const ended = one(['Storage', 300, 'month', '', '', '2026-01-01', '2026-02-10']);
    expect(month(ended, '2026-01')).toBe(30_000);
    expect(month(ended, '2026-02')).toBe(10_714);
    expect(month(ended, '2026-03')).toBe(0);
  });
});

describe('a weekly cost', () => {
  it('$70.00 a week from Monday 2 March 2026 is $10.00 a day: March 2026 (2–31) = $300.00', () => {
    const va = one(['Assistant', 70, 'week', '', '', '2026-03-02', '']);
    expect(month(va, '2026-03')).toBe(30_000);
    expect(fixedCostBetween(va, '2026-03-01', '2026-03-01')).toBe(0);
  });

  it('cut by an end date: 2–10 March = 9 × $10.00 = $90.00', () => {
    expect(month(one(['Assistant', 70, 'weekly', '', '', '2026-03-02', '2026-03-10']), '2026-03')).toBe(
      9_000,
    );
  });

  it('$10.00 a week without a start date runs Monday to Sunday: 3 whole weeks = $30.00, a day about $1.43', () => {
    const open = one(['Tools', 10, 'week', '', '', '', '']);
    // Monday 2 – Sunday 22 March 2026: three whole weeks.
    expect(fixedCostBetween(open, '2026-03-02', '2026-03-22')).toBe(3_000);
    // Monday 2 – Wednesday 4 March: 1,000 × 3 ÷ 7 = 428.6 → 429.
    expect(fixedCostBetween(open, '2026-03-02', '2026-03-04')).toBe(429);
    // Sunday 8 March alone: 1,000 less the first six days' 857.1 → 857: 143 (exactly 142.9).
    expect(fixedCostBetween(open, '2026-03-08', '2026-03-08')).toBe(143);
    // Wednesday 1 – Thursday 30 April at $100.00 a week: 100 × 30 ÷ 7 = $428.571 → $428.57 (the last
    // 5 days of one week, 10,000 − 2,857 = 7,143; three whole weeks; 4 days of the last, 5,714).
    expect(fixedCostBetween(one(['VA', 100, 'week', '', '', '', '']), '2026-04-01', '2026-04-30')).toBe(
      42_857,
    );
    // At $10.00 a week the same days come to 714 + 3,000 + 571 = $42.85: each week's days add up to
    // its $10.00, so a range cut from two weeks is within a cent of its exact share ($42.857).
    expect(fixedCostBetween(open, '2026-04-01', '2026-04-30')).toBe(4_285);
  });
});

describe('a yearly cost, spread over the days of its year', () => {
  it('$3,650.00 over 2027 (365 days) is $10.00 a day: February = $280.00', () => {
    expect(month(one(['Insurance', 3650, 'year', '', '', '2027-01-01', '']), '2027-02')).toBe(28_000);
  });

  it('$3,660.00 over 2028, a leap year (366 days), is $10.00 a day: February = 29 days = $290.00', () => {
    const insurance = one(['Insurance', 3660, 'annual', '', '', '2028-01-01', '']);
    expect(month(insurance, '2028-02')).toBe(29_000);
    expect(fixedCostBetween(insurance, '2028-01-01', '2028-12-31')).toBe(366_000);
  });

  it('$1,200.00 over 2026: January = $1,200.00 × 31 ÷ 365 = $101.918 → $101.92, and the year adds up', () => {
    const insurance = one(['Insurance', '1,200.00', 'year', '', '', '', '']);
    expect(month(insurance, '2026-01')).toBe(10_192);
    // February: 120,000 × 59 ÷ 365 = 19,397.3 → 19,397, less January's 10,192: 9,205 (exactly 92.05).
    expect(month(insurance, '2026-02')).toBe(9_205);
    // December: 120,000 less 120,000 × 334 ÷ 365 = 109,808.2 → 109,808: 10,192.
    expect(month(insurance, '2026-12')).toBe(10_192);
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) =>
      month(insurance, `2026-${m}`),
    );
    expect(months.reduce((a, b) => a + b, 0)).toBe(120_000);
  });

  it('$1,200.00 over 2028 (leap): February = $1,200.00 × 29 ÷ 366 = $95.082 → $95.08', () => {
    expect(month(one(['Insurance', 1200, 'year', '', '', '', '']), '2028-02')).toBe(9_508);
  });

  it('a year from 1 March 2027 runs to 29 February 2028: $3,660.00 over 366 days, $10.00 a day', () => {
    const lease = one(['Lease', 3660, 'year', '', '', '2027-03-01', '']);
    expect(month(lease, '2028-02')).toBe(29_000);
    expect(month(lease, '2027-02')).toBe(0);
  });
});

describe('a one-time cost', () => {
  const shoot = one(['Photo shoot', 500, 'once', '', '', '2026-03-15', '']);

  it('is all on the day it was paid: March 2026 = $500.00, February and April nothing', () => {
    expect(['2026-02', '2026-03', '2026-04'].map((m) => month(shoot, m))).toEqual([0, 50_000, 0]);
    expect(fixedCostBetween(shoot, '2026-03-15', '2026-03-15')).toBe(50_000);
    expect(fixedCostBetween(shoot, '2026-03-16', '2026-03-31')).toBe(0);
  });

  it('needs the date it was paid', () => {
    expect(() => one(['Photo shoot', 500, 'once', '', '', '', ''])).toThrow(
      'TTS Costs row 2, column F (Starts): a one-time cost needs the date it was paid.',
    );
  });
});

describe('a percentage of a sales figure', () => {
  const daily = new Map<string, MetricSums>([
    ['2026-05-01', { netSales: 10_000, grossSales: 12_000, settlement: 8_000 }],
    ['2026-05-20', { netSales: 12_525, grossSales: 15_000, settlement: 9_999 }],
    ['2026-06-02', { netSales: 50_000, grossSales: 60_000, settlement: 40_000 }],
  ]);

  it('2% of net sales in May: 2% × $225.25 = $4.505 → $4.51 (rounded once, half up)', () => {
    const reserve = one(['Returns reserve', '', '', '2%', 'net sales', '', '']);
    const [line] = runningCostLines([reserve], '2026-05-01', '2026-05-31', daily);
    expect(line.cents).toBe(451);
    expect(line.basis).toBe('2% of net sales $225.25');
  });

  it('is never a credit: 10% of a month whose settlement is -$15.40 (chargebacks only) is $0.00', () => {
    const chargebacks = new Map<string, MetricSums>([
      ['2026-03-04', { netSales: 0, grossSales: 0, settlement: -1_280 }],
      ['2026-03-19', { netSales: 0, grossSales: 0, settlement: -260 }],
    ]);
    const agency = one(['Agency', '', '', '10%', 'settlement', '', '']);
    const [line] = runningCostLines([agency], '2026-03-01', '2026-03-31', chargebacks);
    expect(line).toMatchObject({ cents: 0, basis: '10% of settlement -$15.40: none of a loss' });
  });

  it('a start date cuts the sales it is taken of: from 10 May, 2% × $125.25 = $2.505 → $2.51', () => {
    const reserve = one(['Returns reserve', '', '', 0.02, 'net', '2026-05-10', '']);
    expect(runningCostsBetween([reserve], '2026-05-01', '2026-05-31', daily)).toBe(251);
  });

  it('of gross sales or of the settlement, as the Of column says: 1.5% × $270.00 = $4.05; 3% × $179.99 = $5.3997 → $5.40', () => {
    expect(
      runningCostsBetween(
        [one(['Payments', '', '', '1.5%', 'gross sales', '', ''])],
        '2026-05-01',
        '2026-05-31',
        daily,
      ),
    ).toBe(405);
    expect(
      runningCostsBetween(
        [one(['Agency', '', '', '3%', 'settlement', '', ''])],
        '2026-05-01',
        '2026-05-31',
        daily,
      ),
    ).toBe(540);
  });

  it('a blank Of means net sales; 2 alone is refused as ambiguous', () => {
    expect(one(['Reserve', '', '', '2%', '', '', '']).metric).toBe('netSales');
    expect(() => one(['Reserve', '', '', 2, '', '', ''])).toThrow(
      'TTS Costs row 2, column D (Percent): 2 looks like a percent: type it as 2% or as the fraction 0.02.',
    );
  });
});

describe('several costs together, and what the tab refuses', () => {
  it('one month adds each cost’s share: $300.00 + $101.92 + $500.00 = $901.92 (January 2026)', () => {
    const costs = readRunningCosts([
      HEADER,
      ['Storage', 300, 'month', '', '', '2026-01-01', ''],
      ['A note the seller typed'],
      ['Insurance', 1200, 'year', '', '', '2026-01-01', ''],
      ['Launch', 500, 'once', '', '', '2026-01-20', ''],
    ]);
    expect(costs.map((c) => c.name)).toEqual(['Storage', 'Insurance', 'Launch']);
    expect(runningCostsBetween(costs, '2026-01-01', '2026-01-31', NO_SALES)).toBe(90_192);
    expect(runningCostLines(costs, '2026-01-01', '2026-01-31', NO_SALES).map((l) => l.basis)).toEqual([
      '$300.00 a month, 31 days',
      '$1,200.00 a year, 31 days',
      '$500.00 once on 2026-01-20',
    ]);
  });

  it('finds its columns by header wherever the seller moved them', () => {
    const [cost] = readRunningCosts([
      ['Ends', 'Every', 'Cost', 'Starts', 'Amount'],
      ['', 'month', 'Storage', '2026-01-01', '300'],
    ]);
    expect(cost).toMatchObject({
      name: 'Storage',
      cents: 30_000,
      every: 'month',
      start: '2026-01-01',
      end: '',
    });
  });

  it('names the cell it cannot read', () => {
    expect(() => one(['Storage', 300, 'month', '', '', '2026-03-01', '2026-02-01'])).toThrow(
      'TTS Costs row 2, column G (Ends): Storage ends on 2026-02-01, before it starts on 2026-03-01.',
    );
    expect(() => one(['Storage', '-300', 'month', '', '', '', ''])).toThrow(
      'TTS Costs row 2, column B (Amount): expected an amount of 0 or more such as 49.99, found `-300`.',
    );
    expect(() => one(['Storage', 300, 'month', '', '', 'soon', ''])).toThrow(
      'TTS Costs row 2, column F (Starts): expected a date such as 2026-01-31, found `soon`.',
    );
  });
});
