/**
 * Campaigns mapped to SKUs by the seller (the TTS Ad SKUs tab: `Campaign name | SKU ID`): how an
 * Ads Manager campaign, which reports no product, meets the statement's SKUs. Several SKUs of one
 * campaign go in one cell, separated by commas or spaces.
 */
import { columnIndex, columnOf, findHeaderRow } from '../ledger/ledger-columns';
import { lostDigitsText } from '../read/rounded-ids';
import { cellText } from '../cell-text';
import type { CellValue } from '../types';

/** Campaign name (its {@link campaignKey}) → SKU IDs. */
export type CampaignSkus = ReadonlyMap<string, readonly string[]>;

/**
 * A campaign name as the tab and the reports are matched on: case and runs of spaces aside, since
 * a seller typing `spring tanks` means the report's `Spring Tanks`.
 */
export function campaignKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export const NO_CAMPAIGN_SKUS: CampaignSkus = new Map();

/** The tab's header labels, in the order a new tab gets them. */
export const AD_SKUS_HEADER = ['Campaign name', 'SKU ID', 'Note'] as const;

/** Where the tab's columns are (0-based; `note` -1 when the seller removed it), under its header row (1-based). */
export interface AdSkusLayout {
  headerRow: number;
  campaign: number;
  sku: number;
  note: number;
}

/**
 * The tab's layout, its header found among the first rows by its labels (a title may sit above
 * it, columns may be inserted or moved); null when no row names both Campaign name and SKU ID.
 */
export function adSkusLayout(values: readonly (readonly CellValue[])[]): AdSkusLayout | null {
  const headerRow = findHeaderRow(values, AD_SKUS_HEADER, 2);
  if (headerRow === 0) return null;
  const index = columnIndex(values[headerRow - 1]);
  const [campaign, sku, note] = AD_SKUS_HEADER.map((label) => columnOf(index, label));
  return campaign < 0 || sku < 0 ? null : { headerRow, campaign, sku, note };
}

/** The campaigns listed under the header, by {@link campaignKey}. */
export function listedCampaigns(
  values: readonly (readonly CellValue[])[],
  layout: AdSkusLayout,
): Set<string> {
  return new Set(values.slice(layout.headerRow).map((row) => campaignKey(cellText(row[layout.campaign]))));
}

/**
 * The mapping from the tab's values (its header and columns found by their labels). A SKU that a
 * spreadsheet turned into a rounded number is refused naming its cell.
 */
export function campaignSkusOf(values: readonly (readonly CellValue[])[], where: string): CampaignSkus {
  const layout = adSkusLayout(values);
  const map = new Map<string, string[]>();
  if (layout === null) return map;
  const { campaign, sku } = layout;
  for (let r = layout.headerRow; r < values.length; r++) {
    const name = campaignKey(cellText(values[r][campaign]));
    const cell = values[r][sku];
    // A row without a campaign maps nothing, whatever the seller noted in its SKU ID cell.
    if (name === '') continue;
    if (typeof cell === 'number' && !Number.isSafeInteger(cell)) {
      throw new Error(
        `${where} row ${r + 1}, column SKU ID: ${lostDigitsText('SKU', cell.toExponential(3).toUpperCase(), 'type it again.')}`,
      );
    }
    const skus = cellText(cell)
      // Between SKUs: spaces, line breaks, commas (a full-width one too), semicolons, slashes and bars.
      .split(/[\s,;/|\uff0c\u3001]+/)
      .filter((s) => s !== '');
    if (skus.length > 0) map.set(name, [...(map.get(name) || []), ...skus]);
  }
  return map;
}
