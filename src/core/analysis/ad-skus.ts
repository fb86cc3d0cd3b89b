/**
 * Campaigns mapped to SKUs by the seller (the TTS Ad SKUs tab: `Campaign name | SKU ID`): how an
 * Ads Manager campaign, which reports no product, meets the statement's SKUs. Several SKUs of one
 * campaign go in one cell, separated by commas or spaces.
 */
import type { CellValue } from '../types';

/** Campaign name (as the report writes it) → SKU IDs. */
export type CampaignSkus = ReadonlyMap<string, readonly string[]>;

export const NO_CAMPAIGN_SKUS: CampaignSkus = new Map();

function text(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return String(value).trim();
}

/**
 * The mapping from the tab's values (row 1 the header, columns found by their labels). A SKU that
 * a spreadsheet turned into a rounded number is refused naming its cell.
 */
export function campaignSkusOf(values: readonly (readonly CellValue[])[], where: string): CampaignSkus {
  const header = (values[0] ?? []).map((v) => text(v).toLowerCase());
  const campaign = header.indexOf('campaign name');
  const sku = header.indexOf('sku id');
  const map = new Map<string, string[]>();
  if (campaign < 0 || sku < 0) return map;
  for (let r = 1; r < values.length; r++) {
    const name = text(values[r][campaign]);
    const cell = values[r][sku];
    if (typeof cell === 'number' && !Number.isSafeInteger(cell)) {
      throw new Error(
        `${where} row ${r + 1}, column SKU ID: the SKU ${cell.toExponential(3).toUpperCase()}` +
          ` lost its last digits (the sheet turned it into a number). Format the ` +
          `column as Plain text and type it again.`,
      );
    }
    const skus = text(cell)
      .split(/[\s,;]+/)
      .filter((s) => s !== '');
    if (name !== '' && skus.length > 0) map.set(name, [...(map.get(name) ?? []), ...skus]);
  }
  return map;
}
