/**
 * The TTS COGS tab belongs to the seller: the add-on only ever appends SKUs it has not seen there
 * yet, with Unit cost and Effective from left blank to fill in. Existing rows are never touched.
 */
import { CURRENCY_FORMAT, DATE_FORMAT, TEXT_FORMAT, sheetWithHeader, textCell, writeBlock, type Cell } from './sheet-writing';

export const COGS_SHEET = 'TTS COGS';
export const COGS_HEADER = ['SKU ID', 'Seller SKU', 'Product name', 'SKU name', 'Unit cost', 'Effective from'] as const;
const FORMATS = [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, CURRENCY_FORMAT, DATE_FORMAT];

export interface SkuInfo {
  skuId: string;
  sellerSku: string;
  productName: string;
  skuName: string;
}

/** Appends the SKUs not yet listed (by SKU ID) below the seller's rows; returns how many were added. */
export function prefillCogs(skus: readonly SkuInfo[]): number {
  const wanted = new Map<string, SkuInfo>();
  for (const sku of skus) {
    const id = sku.skuId.trim();
    if (id && !wanted.has(id)) wanted.set(id, sku);
  }
  if (wanted.size === 0) return 0;
  const sheet = sheetWithHeader(COGS_SHEET, COGS_HEADER);
  const last = sheet.getLastRow();
  if (last >= 2) {
    for (const [value] of sheet.getRange(2, 1, last - 1, 1).getValues()) wanted.delete(String(value).trim());
  }
  if (wanted.size === 0) return 0;
  const rows: Cell[][] = [...wanted.values()].map((s) => [
    textCell(s.skuId.trim()), textCell(s.sellerSku), textCell(s.productName), textCell(s.skuName), '', '',
  ]);
  writeBlock(sheet, Math.max(last, 1) + 1, 1, rows, FORMATS);
  return rows.length;
}
