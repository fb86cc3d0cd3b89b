/**
 * The TTS Ad SKUs tab belongs to the seller: campaign names the ad imports met, each with the SKU
 * IDs it advertises (blank until filled in). The add-on only appends campaigns it has not listed
 * yet; a campaign of GMV Max by product needs no row (its products come with the report).
 */
import { campaignSkusOf, type CampaignSkus } from '../../core/analysis/ad-skus';
import type { AdRow } from '../../core/read/ad-rows';
import type { CellValue } from '../../core/types';
import { TEXT_FORMAT, sheetWithHeader, textCell, writeBlock, type Cell } from './sheet-writing';

export const AD_SKUS_TAB = 'TTS Ad SKUs';
const HEADER = ['Campaign name', 'SKU ID', 'Note'];

/** Lists the campaigns of `rows` not in the tab yet (GMV Max product rows left out); returns how many were added. */
export function prefillAdSkus(rows: readonly AdRow[]): number {
  const wanted = new Set<string>();
  for (const row of rows) {
    const campaign = row.campaign || row.campaignId;
    if (row.level !== 'product' && campaign !== '') wanted.add(campaign);
  }
  if (wanted.size === 0) return 0;
  const sheet = sheetWithHeader(AD_SKUS_TAB, HEADER);
  const last = sheet.getLastRow();
  if (last >= 2)
    for (const [value] of sheet.getRange(2, 1, last - 1, 1).getValues()) wanted.delete(String(value).trim());
  if (wanted.size === 0) return 0;
  const note =
    'SKU IDs this campaign advertises (separated by commas), for ROAS against break-even per product';
  const lines: Cell[][] = [...wanted].map((c) => [textCell(c), '', note]);
  writeBlock(sheet, Math.max(last, 1) + 1, 1, lines, [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT]);
  return lines.length;
}

/** The seller's campaign → SKU mapping (empty without the tab). */
export function readCampaignSkus(): CampaignSkus {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(AD_SKUS_TAB);
  if (!sheet || sheet.getLastRow() < 2) return new Map();
  return campaignSkusOf(sheet.getDataRange().getValues() as CellValue[][], AD_SKUS_TAB);
}
