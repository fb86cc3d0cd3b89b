import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOfWeek, daysBetween } from '../../src/core/analysis/calendar';
import { thresholdReport, type DailySales } from '../../src/core/analysis/threshold';
import { outlookOfDaily } from '../../src/core/analysis/dashboard-model';

const MONTHLY = 6_500_000; // $65,000 in cents
const ANNUAL = 100_000_000; // $1,000,000 in cents

/** The projected year the sidebar and TTS_THRESHOLD show, as of the last day given. */
function projectedYear(daily: DailySales[]): number {
  const opts = { monthlyTargetCents: MONTHLY, annualTargetCents: ANNUAL, metric: 'gross' as const };
  return outlookOfDaily(daily, { ...opts, asOf: daily[daily.length - 1].date }).status.projectedYearCents;
}

/** One entry a day from `from` to `to`, amount chosen per date. */
function days(from: string, to: string, amount: (date: string) => number): DailySales[] {
  const out: DailySales[] = [];
  for (let k = 0; k <= daysBetween(from, to); k++) {
    const date = addDays(from, k);
    out.push({ date, amount: amount(date) });
  }
  return out;
}

describe('threshold: this month at a flat pace', () => {
  // $1,000 a day on 1–10 March 2025, nothing before: too little history for a weekday pattern.
  const report = thresholdReport(
    days('2025-03-01', '2025-03-10', () => 100_000),
    { monthlyTarget: MONTHLY, annualTarget: ANNUAL },
  );

  it('counts month to date, days elapsed and days left in a 31-day month', () => {
    expect(report.asOf).toBe('2025-03-10');
    expect(report.month).toBe('2025-03');
    expect(report.monthToDate).toBe(1_000_000);
    expect(report.daysElapsed).toBe(10);
    expect(report.daysLeft).toBe(21);
  });

  it('needs ($65,000 − $10,000) / 21 days = $2,619.05 a day, rounded up to the cent', () => {
    expect(report.neededPerDay).toBe(261_905);
  });

  it('projects $10,000 × 31 / 10 = $31,000 for the month', () => {
    expect(report.paceMethod).toBe('flat');
    expect(report.projectedMonth).toBe(3_100_000);
    expect(report.status).toBe(
      'Behind: expected $31,000 this month, $34,000 short of the $65,000 target; ' +
        '$2,619 a day needed for the last 21 days ($55,000 to go).',
    );
  });

  it('has no full month before the first sale', () => {
    expect(report.lastFullMonth).toBeNull();
    expect(report.fullMonthsCounted).toBe(0);
    expect(report.trailing12).toBe(0);
  });

  it('projects the year from this month’s daily pace: $31,000 + $1,000 × 275 days after March', () => {
    expect(report.yearToDate).toBe(1_000_000);
    expect(report.dailyPace).toBe(100_000);
    expect(projectedYear(days('2025-03-01', '2025-03-10', () => 100_000))).toBe(3_100_000 + 27_500_000);
  });
});

describe('threshold: leap years', () => {
  it('leaves 14 days after 15 February 2024 and 13 after 15 February 2025', () => {
    // Selling since the 1st (a $0 day): the pace runs over the whole month so far.
    const leap = thresholdReport(
      [
        { date: '2024-02-01', amount: 0 },
        { date: '2024-02-15', amount: 100 },
      ],
      {
        monthlyTarget: MONTHLY,
        annualTarget: ANNUAL,
      },
    );
    const common = thresholdReport(
      [
        { date: '2025-02-01', amount: 0 },
        { date: '2025-02-15', amount: 100 },
      ],
      {
        monthlyTarget: MONTHLY,
        annualTarget: ANNUAL,
      },
    );
    expect(leap.daysLeft).toBe(14);
    expect(common.daysLeft).toBe(13);
    // flat pace: 100 cents × 29 / 15 = 193.33 → 193
    expect(leap.projectedMonth).toBe(193);
    expect(common.projectedMonth).toBe(187); // 100 × 28 / 15 = 186.67
  });
});

describe('threshold: a month with no sales and targets met exactly', () => {
  // January 2025 (selling from the 1st): $65,000 on the 31st exactly; February: nothing; March: $65,000 by the 5th.
  const daily: DailySales[] = [
    { date: '2025-01-01', amount: 0 },
    { date: '2025-01-31', amount: 6_500_000 },
    { date: '2025-03-02', amount: 4_000_000 },
    { date: '2025-03-05', amount: 2_500_000 },
  ];
  const report = thresholdReport(daily, { monthlyTarget: MONTHLY, annualTarget: ANNUAL });

  it('reports February as the last full month, with zero sales', () => {
    expect(report.lastFullMonth).toEqual({ month: '2025-02', amount: 0 });
    expect(report.fullMonthsCounted).toBe(2);
    expect(report.trailing12).toBe(6_500_000);
  });

  it('counts a month exactly at the target as at target', () => {
    expect(report.monthsAtTargetLast12).toBe(1);
  });

  it('says the target is met, exactly, and asks for nothing more per day', () => {
    expect(report.monthToDate).toBe(MONTHLY);
    expect(report.neededPerDay).toBe(0);
    expect(report.status).toBe('Target met: $65,000 so far this month, exactly the $65,000 target.');
  });

  it('sums the calendar year to date', () => {
    expect(report.yearToDate).toBe(13_000_000);
  });
});

describe('threshold: weekday pattern once there are 8 weeks of history', () => {
  // Weekdays $100, weekends $300, from 1 January to Sunday 9 March 2025 (68 days).
  const weekendHeavy = (date: string): number => {
    const weekday = dayOfWeek(date);
    return weekday === 0 || weekday === 6 ? 30_000 : 10_000;
  };
  const daily = days('2025-01-01', '2025-03-09', weekendHeavy);
  const report = thresholdReport(daily, { monthlyTarget: MONTHLY, annualTarget: ANNUAL });

  it('projects March 2025 (21 weekdays, 10 weekend days) to exactly what the pattern gives', () => {
    // 1–9 March: 5 weekdays + 4 weekend days = $1,700. Whole month: 21 × $100 + 10 × $300 = $5,100.
    expect(report.monthToDate).toBe(170_000);
    expect(report.paceMethod).toBe('day-of-week');
    expect(report.projectedMonth).toBe(510_000);
  });

  it('would over-project a weekend-heavy start with a flat pace ($1,700 × 31 / 9)', () => {
    const short = thresholdReport(days('2025-02-01', '2025-03-09', weekendHeavy), {
      monthlyTarget: MONTHLY,
      annualTarget: ANNUAL,
    });
    expect(short.paceMethod).toBe('flat');
    expect(short.projectedMonth).toBe(Math.round((170_000 * 31) / 9));
  });

  it('adds up January ($4,700), February ($4,400) and March to date', () => {
    expect(report.lastFullMonth).toEqual({ month: '2025-02', amount: 440_000 });
    expect(report.trailing12).toBe(470_000 + 440_000);
    expect(report.yearToDate).toBe(470_000 + 440_000 + 170_000);
    // + March projected + March's daily pace ($5,100 / 31) × the days of each month after it, rounded to the cent
    const later = [30, 31, 30, 31, 31, 30, 31, 30, 31].reduce(
      (sum, d) => sum + Math.round((510_000 * d) / 31),
      0,
    );
    expect(projectedYear(daily)).toBe(910_000 + 510_000 + later);
  });
});

describe('threshold: last 12 full months', () => {
  it('counts only the 12 months before this one, and sums them as trailing-12 sales', () => {
    const daily: DailySales[] = [];
    // The 15th of every month from January 2024 to March 2025: $70,000 in even months, $10,000 in odd ones.
    for (let k = 0; k < 15; k++) {
      const month = addMonths('2024-01', k);
      daily.push({ date: `${month}-15`, amount: (k % 12) % 2 === 1 ? 7_000_000 : 1_000_000 });
    }
    const report = thresholdReport(daily, {
      monthlyTarget: MONTHLY,
      annualTarget: ANNUAL,
      asOf: '2025-03-20',
    });
    // Full months March 2024 … February 2025: even months Apr, Jun, Aug, Oct, Dec 2024 and Feb 2025 reach $70,000.
    expect(report.fullMonthsCounted).toBe(12);
    expect(report.monthsAtTargetLast12).toBe(6);
    expect(report.trailing12).toBe(6 * 7_000_000 + 6 * 1_000_000);
    expect(report.lastFullMonth).toEqual({ month: '2025-02', amount: 7_000_000 });
  });
});

describe('threshold: the end of the month and the as-of date', () => {
  it('closes a month on its last day', () => {
    const report = thresholdReport([{ date: '2025-04-30', amount: 6_000_000 }], {
      monthlyTarget: MONTHLY,
      annualTarget: ANNUAL,
    });
    expect(report.daysLeft).toBe(0);
    expect(report.neededPerDay).toBe(0);
    expect(report.status).toBe('Month closed at $60,000, $5,000 short of the $65,000 target.');
  });

  it('ignores sales after the as-of date and sums several entries on one day', () => {
    const report = thresholdReport(
      [
        { date: '2025-05-02', amount: 100 },
        { date: '2025-05-02', amount: 250 },
        { date: '2025-05-20', amount: 99_999 },
      ],
      { monthlyTarget: MONTHLY, annualTarget: ANNUAL, asOf: '2025-05-02' },
    );
    expect(report.monthToDate).toBe(350);
    expect(report.daysElapsed).toBe(2);
  });

  it('takes targets as arguments', () => {
    const sales = [
      { date: '2025-06-01', amount: 0 },
      { date: '2025-06-10', amount: 1_000_000 },
    ];
    const report = thresholdReport(sales, {
      monthlyTarget: 2_000_000,
      annualTarget: 10_000_000,
    });
    expect(report.monthlyTarget).toBe(2_000_000);
    // flat: $10,000 × 30 / 10 = $30,000
    expect(report.status).toBe('On course: expected $30,000 this month, above the $20,000 target.');
  });
});

describe('threshold: bad input', () => {
  it('names the entry with a bad date or an amount that is not whole cents', () => {
    expect(() =>
      thresholdReport([{ date: '2025-02-30', amount: 1 }], { monthlyTarget: MONTHLY, annualTarget: ANNUAL }),
    ).toThrow('Daily sales, entry 1: expected a date as YYYY-MM-DD, found "2025-02-30".');
    expect(() =>
      thresholdReport([{ date: '2025-02-03', amount: 12.5 }], {
        monthlyTarget: MONTHLY,
        annualTarget: ANNUAL,
      }),
    ).toThrow('Expected daily sales, entry 1 (2025-02-03), as whole cents, found 12.5.');
  });

  it('asks for an as-of date when there are no sales', () => {
    expect(() => thresholdReport([], { monthlyTarget: MONTHLY, annualTarget: ANNUAL })).toThrow(
      'No daily sales were given and no as-of date',
    );
    const empty = thresholdReport([], { monthlyTarget: MONTHLY, annualTarget: ANNUAL, asOf: '2025-07-04' });
    expect(empty.monthToDate).toBe(0);
    expect(empty.neededPerDay).toBe(Math.ceil(MONTHLY / 27));
  });
});
