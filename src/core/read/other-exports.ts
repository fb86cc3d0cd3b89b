/**
 * TikTok exports TTS Profit does not read, recognised by their header so that each is refused by
 * name. Some share column names with a finance layout (the affiliate orders and returns exports
 * have the order export's Order ID, Order Status and SKU ID) and would otherwise be read as one:
 * rows of nothing in the ledger. One row per export; detectLayout checks each header row against them.
 */
import { headerKey } from './catalog';
import type { LayoutId } from '../types';

interface OtherExport {
  /** What the seller downloaded, and where from. */
  name: string;
  /** Header spellings that must all be present; each entry lists accepted alternatives. */
  signature: string[][];
  /** The layout whose signature its header has too: a header of that layout is checked against it, not others. */
  shadows?: LayoutId;
  /** A header it never has, which the export it resembles always has. */
  without?: string;
}

const OTHER_EXPORTS = [
  {
    name: "a creator's affiliate orders export (TTS Profit reads a shop's own Seller Center exports)",
    signature: [
      ['Total final earned amount', 'Order settlement status', 'Shop name'],
      ['Est. commission base', 'Actual commission base'],
    ],
  },
  {
    name: 'the Seller Center affiliate orders export (Affiliate Center → Orders)',
    shadows: 'order-export',
    signature: [
      ['Creator Username'],
      ['Standard commission rate', 'Est. Commission Base', 'Est. standard commission'],
    ],
  },
  {
    name: 'the Seller Center returns export',
    shadows: 'order-export',
    signature: [
      ['Return Order ID', 'Return ID'],
      ['Return Reason', 'Return Status', 'Return Type'],
    ],
  },
  {
    name: 'the Seller Center product list',
    signature: [['Product ID'], ['SKU ID'], ['Seller SKU']],
  },
  {
    name: 'the Seller Center payments list (payouts to your bank)',
    signature: [['Payment ID'], ['Payment amount', 'Amount', 'Bank account']],
  },
  {
    name: 'the Seller Center statements list (one row per statement)',
    // A statement export that lost its Order/adjustment ID column still has its Type.
    without: 'Type',
    signature: [['Statement ID'], ['Total settlement amount', 'Settlement amount']],
  },
  {
    name: 'a Seller Center analytics export',
    // Date or Product ID with Orders or Impressions is an Ads Manager report's header too.
    shadows: 'ads-manager',
    signature: [['GMV'], ['Visitors', 'Page views', 'Conversion rate', 'Buyers']],
  },
] satisfies readonly OtherExport[];

/**
 * The refusal for a header row of an export TTS Profit does not read, or '' when it is none of them.
 * `layout`: the layout the row has the signature of. A finance export or the ledger tab may carry a
 * column of another export (the seller adds columns; the ledger keeps a file's): only an export
 * known to share that layout's signature is looked for then.
 */
export function otherExportMessage(
  keys: ReadonlySet<string>,
  layout: LayoutId | undefined,
  where: string,
  row: number,
): string {
  const i = OTHER_EXPORTS.findIndex(
    (e: OtherExport) =>
      (!layout || e.shadows === layout) &&
      !keys.has(headerKey(e.without || '')) &&
      e.signature.every((alts) => alts.some((h) => keys.has(headerKey(h)))),
  );
  if (i < 0) return '';
  return (
    `${where}: row ${row} is the header of ${OTHER_EXPORTS[i].name}, which TTS Profit does not import: import the Statement ` +
    "export (Finance → Statements → a statement → Export) instead; it has each order's settlement, fees, affiliate commissions and refunds."
  );
}
