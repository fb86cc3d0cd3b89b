/**
 * IDs a spreadsheet rounded. Sheets' File → Import turns an 18-digit order ID into a number
 * (`5.77E+17`); Excel, saving with a Number format, keeps 15 significant digits and writes
 * `577389150020122000`. A rounded ID can never be a key. A sum does not depend on IDs, so the
 * functions that only add up still answer; where an ID decides the answer, or an import would
 * key rows by it, the seller is told which IDs were rounded and how to keep them as text.
 *
 * Excel's rounding leaves no exponent to see, so it is told by the file as a whole: one real ID
 * in a thousand ends in `000`, but when every 16-to-19-digit ID of a column has only zeros after
 * its 15th digit (and there are at least two different ones), they were rounded. One ID repeated on
 * every row (a statement's own ID) proves nothing: a real one ends in `000` once in a thousand.
 */
import type { RowView } from './row-view';
import type { RoundedIds } from '../types';

/** How to keep IDs exact, for every message about rounded IDs. */
export const KEEP_IDS_AS_TEXT =
  'Import the file again keeping IDs as text: in Sheets, File → Import ' +
  'with "Convert text to numbers, dates, and formulas" unticked (or ' +
  'format the ID columns as Plain text first); in Excel, format the ID ' +
  'columns as Text before saving.';

/**
 * What a message says of one ID cell a spreadsheet rounded: `the SKU 1.73E+18 lost its last
 * digits (…). Format the column as Plain text and ` + how to get the ID back (`then`).
 */
export function lostDigitsText(what: 'ID' | 'SKU', shown: string, then: string): string {
  return `the ${what} ${shown} lost its last digits (the sheet turned it into a number). Format the column as Plain text and ${then}`;
}

/** The ID fields checked, with the column name a message uses. */
const ID_FIELDS = [
  ['orderId', 'Order/adjustment ID'],
  ['skuId', 'SKU ID'],
  ['statementId', 'Statement ID'],
  ['relatedOrderId', 'Related order ID'],
] as const;

export type IdField = (typeof ID_FIELDS)[number][0];

export function isIdField(field: string | undefined): field is IdField {
  return ID_FIELDS.some(([f]) => f === field);
}

/** The ID fields among `fields` (all of them when `fields` is not given). */
export function idFieldsIn(fields: ReadonlySet<string> | undefined): IdField[] | undefined {
  return fields && ID_FIELDS.map(([f]) => f).filter((f) => fields.has(f));
}

/** Long digit IDs whose digits after the 15th are all zeros: Excel's 15 significant digits. */
function zeroTailed(id: string): boolean {
  for (let i = 15; i < id.length; i++) if (id.charCodeAt(i) !== 48) return false;
  return true;
}

function isLongDigitId(id: string): boolean {
  if (id.length < 16 || id.length > 19) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Whether distinct IDs (a cost table's SKUs) were rounded by Excel: two or more long ones, every one zero-tailed. */
export function excelRounded(ids: readonly string[]): boolean {
  const long = ids.filter(isLongDigitId);
  return long.length > 1 && long.every(zeroTailed);
}

interface FieldTally {
  long: number;
  /** The first long ID seen, and whether another, different one followed. */
  firstLong: string;
  twoDistinct: boolean;
  zeroTailed: number;
  example: string;
  row: number;
  /** An exponent-rounded ID kept by the normalizer (functions only), the first seen. */
  scientific: string;
  scientificRow: number;
}

export class RoundedIdWatch {
  private readonly tallies: FieldTally[];

  /** `fields`: the ID fields looked at (default all); the others count as proved whole from the start. */
  constructor(fields?: readonly IdField[]) {
    this.tallies = ID_FIELDS.map(([field]): FieldTally => ({
      long: fields === undefined || fields.includes(field) ? 0 : 1,
      firstLong: '',
      twoDistinct: false,
      zeroTailed: 0,
      example: '',
      row: 0,
      scientific: '',
      scientificRow: 0,
    }));
  }

  /** One accepted row. */
  see(view: RowView): void {
    for (let f = 0; f < ID_FIELDS.length; f++) {
      const tally = this.tallies[f];
      // A long ID with its own last digits proves the column whole: nothing later changes the verdict.
      if (tally.zeroTailed < tally.long) continue;
      const id = view[ID_FIELDS[f][0]];
      if (id.length < 16 || !isLongDigitId(id)) continue;
      tally.long++;
      if (tally.firstLong === '') tally.firstLong = id;
      else if (!tally.twoDistinct && id !== tally.firstLong) tally.twoDistinct = true;
      if (!zeroTailed(id)) continue;
      if (tally.zeroTailed === 0) {
        tally.example = id;
        tally.row = view.rowNumber;
      }
      tally.zeroTailed++;
    }
  }

  /** An ID the normalizer found already rounded with an exponent (`5.77E+17`) and kept. */
  sawScientific(field: IdField, shown: string, row: number): void {
    const tally = this.tallies[ID_FIELDS.findIndex(([f]) => f === field)];
    if (tally === undefined || tally.scientific !== '') return;
    tally.scientific = shown;
    tally.scientificRow = row;
  }

  /** The fields with rounded IDs, or null when every ID is whole. */
  result(): RoundedIds | null {
    const fields: RoundedIds['fields'] = [];
    ID_FIELDS.forEach(([field, column], f) => {
      const t = this.tallies[f];
      if (t.scientific !== '')
        fields.push({
          field,
          column,
          example: t.scientific,
          row: t.scientificRow,
        });
      else if (t.twoDistinct && t.zeroTailed === t.long)
        fields.push({ field, column, example: t.example, row: t.row });
    });
    return fields.length > 0 ? { fields } : null;
  }
}

/** "Order/adjustment ID (e.g. `577389150020122000` on row 2)" for each rounded field. */
export function describeRoundedIds(rounded: RoundedIds): string {
  return rounded.fields.map((f) => `*${f.column}* (e.g. \`${f.example}\` on row ${f.row})`).join(' and ');
}

/** The refusal of a file whose IDs were rounded: it cannot be keyed, so it is not imported. */
export function roundedIdsRefusal(where: string, rounded: RoundedIds): string {
  return (
    `${where}: the IDs in ${describeRoundedIds(rounded)} were rounded by a spreadsheet (only 15 digits kept), so rows cannot be told apart. ` +
    `${KEEP_IDS_AS_TEXT}`
  );
}
