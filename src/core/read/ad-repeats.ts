/**
 * Which rows of an ad report repeat an earlier one: same day and same key (report, campaign, ad
 * group / ad / product, account; see adRowKey). A report of 50,000 rows holds a few hundred days
 * and a few thousand campaign × ad group pairs, so a pair is worked out once (its key, its level)
 * and numbered; a row is then told apart by its day and that number, with no key text of its own.
 */
import { adKeyTail, adLevelOf, type AdLevel, type AdReport, type AdRowFields } from './ad-rows';

/** The fields a row's key is made of, besides its report and day. */
const DIMENSION_FIELDS = [
  'account',
  'campaign',
  'campaignId',
  'adGroup',
  'adGroupId',
  'ad',
  'adId',
  'productId',
  'productName',
] as const satisfies readonly (keyof AdRowFields)[];
type DimensionField = (typeof DIMENSION_FIELDS)[number];

/** What the rows of one campaign × ad group (ad, product, account) share. */
export interface AdDimension {
  /** Equal for two rows of a day exactly when their keys are equal. */
  readonly identity: number;
  readonly report: AdReport;
  /** The key after its report and day (see adKeyTail). */
  readonly keyTail: string;
  /** The level its names and IDs give (a Level column may say otherwise). */
  readonly level: AdLevel;
}

/** Numbers each distinct set of dimension values, looking them up field by field. */
export class AdDimensions {
  private readonly root = new Map<string, unknown>();
  private readonly identities = new Map<string, number>();
  private readonly fields: readonly DimensionField[];

  /** `present`: the fields the report has columns for (the others are '' on every row). */
  constructor(present: ReadonlySet<string>) {
    this.fields = DIMENSION_FIELDS.filter((f) => present.has(f));
  }

  of(row: AdRowFields): AdDimension {
    let node = this.root;
    let key: string = row.report;
    for (let i = 0; i < this.fields.length; i++) {
      let next = node.get(key) as Map<string, unknown> | undefined;
      if (next === undefined) node.set(key, (next = new Map()));
      node = next;
      key = row[this.fields[i]];
    }
    let dimension = node.get(key) as AdDimension | undefined;
    if (dimension === undefined) node.set(key, (dimension = this.create(row)));
    return dimension;
  }

  private create(row: AdRowFields): AdDimension {
    const keyTail = adKeyTail(row);
    // Different names can spell the same key (`a|b` + `c`, `a` + `b|c`): such rows are one row, as their keys are.
    const spelled = `${row.report}|${keyTail}`;
    let identity = this.identities.get(spelled);
    if (identity === undefined) this.identities.set(spelled, (identity = this.identities.size));
    return { identity, report: row.report, keyTail, level: adLevelOf(row) };
  }
}

/** Where the row kept for each day and dimension is: a number its reader chose (an index, a row number). */
export class AdRepeats {
  /** By day (its number, see DayRead.index), then dimension: small tables, one per day. */
  private readonly byDay: Map<number, number>[] = [];

  /** Where the row kept for this day and dimension is, or -1. */
  earlier(day: number, identity: number): number {
    const rows = this.byDay[day];
    const at = rows === undefined ? undefined : rows.get(identity);
    return at === undefined ? -1 : at;
  }

  remember(day: number, identity: number, at: number): void {
    let rows = this.byDay[day];
    if (rows === undefined) this.byDay[day] = rows = new Map();
    rows.set(identity, at);
  }
}
