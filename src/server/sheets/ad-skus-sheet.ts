/**
 * The TTS Ad SKUs tab belongs to the seller: campaign names the ad imports met, each with the SKU
 * IDs it advertises (blank until filled in). The add-on only appends campaigns it has not listed
 * yet, below every used row and in the header's columns wherever the seller moved them; a
 * campaign of GMV Max by product needs no row (its products come with the report).
 */
import {
  AD_SKUS_HEADER,
  adSkusLayout,
  campaignKey,
  campaignSkusOf,
  listedCampaigns,
  type CampaignSkus,
} from '../../core/analysis/ad-skus';
import type { AdRow } from '../../core/read/ad-rows';
import type { CellValue } from '../../core/types';
import { TEXT_FORMAT, sheetWithHeader, textCell, writeBlock, type Cell } from './sheet-writing';
import { tabNamed } from './tab-named';

export const AD_SKUS_TAB = 'TTS Ad SKUs';
const NOTE =
  'SKU IDs this campaign advertises (separated by commas), for ROAS against break-even per product';

/** Lists the campaigns of `rows` not in the tab yet (GMV Max product rows left out); returns how many were added. */
export function prefillAdSkus(rows: readonly AdRow[]): number {
  const wanted = new Set<string>();
  for (const row of rows) {
    const campaign = row.campaign || row.campaignId;
    if (row.level !== 'product' && campaign !== '') wanted.add(campaign);
  }
  if (wanted.size === 0) return 0;
  const sheet = sheetWithHeader(AD_SKUS_TAB, AD_SKUS_HEADER);
  const values = sheet.getDataRange().getValues() as CellValue[][];
  // No header left (the seller replaced it): the tab is left as it is, and no mapping is read from it.
  const layout = adSkusLayout(values);
  if (layout === null) return 0;
  const listed = listedCampaigns(values, layout);
  for (const campaign of wanted) if (listed.has(campaignKey(campaign))) wanted.delete(campaign);
  if (wanted.size === 0) return 0;
  const columns = [layout.campaign, layout.sku, layout.note].filter((c) => c >= 0);
  const first = Math.min(...columns);
  const width = Math.max(...columns) - first + 1;
  const lines: Cell[][] = [...wanted].map((campaign) => {
    const line: Cell[] = new Array<Cell>(width).fill('');
    line[layout.campaign - first] = textCell(campaign);
    if (layout.note >= 0) line[layout.note - first] = NOTE;
    return line;
  });
  writeBlock(
    sheet,
    Math.max(sheet.getLastRow(), layout.headerRow) + 1,
    first + 1,
    lines,
    new Array<string>(width).fill(TEXT_FORMAT),
  );
  return lines.length;
}

/**
 * The seller's campaign → SKU mapping (empty without the tab), and why it is empty when the tab
 * has rows but no header the add-on can find ('' otherwise): a renamed header must not look like
 * a tab nobody filled in.
 */
export function readCampaignSkus(): { skus: CampaignSkus; problem: string } {
  const sheet = tabNamed(AD_SKUS_TAB);
  if (!sheet || sheet.getLastRow() < 2) return { skus: new Map(), problem: '' };
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const problem = adSkusLayout(values)
    ? ''
    : `${AD_SKUS_TAB} has no row naming both *Campaign name* and *SKU ID* among its first rows, ` +
      'so no campaign is mapped to its SKUs: type those two headers back above the campaigns.';
  return { skus: campaignSkusOf(values, AD_SKUS_TAB), problem };
}
