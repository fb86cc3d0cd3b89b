/**
 * Exports a seller may drop on the import that TTS Profit does not read, as TikTok writes their
 * headers (reference/ads-affiliate-analytics.md §3.1, §3.2, §4; the Finance lists of statements and
 * payments), each with the refusal it gets.
 * The affiliate orders export shares Order ID, Order Status and SKU ID with the order export, and
 * the returns export too: read as one they wrote order rows of $0 with no date into the ledger.
 */

/** Seller Center → Affiliate Center → Orders: every column of §3.1, SKU-line grain, $74.97 paid. */
export const SELLER_AFFILIATE_CSV =
  'Order ID,Order Status,Time Created,Quantity,Price,Payment Amount,Currency,Payment method,Platform,Product ID,Product Name,SKU ID,' +
  'Creator Username,Content Type,Content ID,commission model,Standard commission rate,Est. Commission Base,' +
  'Est. standard commission payment,Actual Commission Base,Actual Commission Payment,Shop Ads commission rate,' +
  'Est. Shop Ads commission payment,Actual Shop Ads commission payment,Est. co-funded creator bonus,' +
  'Actual co-funded creator bonus,Time Commission Paid,Fully returned or refunded\r\n' +
  '577389150099999001,Completed,05/20/2026 10:00:00,3,$24.99,$74.97,USD,Card,TikTok,1729000000000000001,High-Waist Leggings,' +
  '1732440158394101177,creatorx,VIDEO,7300000000000000001,Standard,10%,$74.97,$7.50,$74.97,$7.50,0%,$0.00,$0.00,$0.00,$0.00,' +
  '06/05/2026 02:00:00,No\r\n';

/** A creator's "Affiliate orders" export (§3.2): what the creator earned, by shop. */
export const CREATOR_AFFILIATE_CSV =
  'Order ID,SKU ID,Product ID,Product name,Content ID,Shop code,Shop name,Order type,Price,Items sold,Items refunded,GMV,' +
  'Est. commission base,Est. standard commission,Est. Shop Ads commission,Actual commission base,Standard commission,' +
  'Shop Ads commission,Total final earned amount,Order settlement status,Order date,Commission settlement date,Currency\r\n' +
  '577389150020122257,1732440158395550021,1729000000000000001,Scrunchie,7300000000000000001,US123,My Shop,Affiliate order,' +
  '8.99,1,0,8.99,8.99,0.90,0.00,8.99,0.90,0.00,0.90,Settled,2026/04/20,2026/05/05,USD\r\n';

/** Seller Center → Orders → Returns: a return request per SKU line, with the order's status. */
export const RETURNS_CSV =
  'Return Order ID,Order ID,Order Amount,Order Status,Order Substatus,SKU ID,Seller SKU,Product Name,Return Type,' +
  'Return Reason,Return unit price,Return quantity,Refund Amount,Return Status,Time Requested\r\n' +
  '4035000000000000001,577389150020122257,$8.99,Completed,Completed,1732440158395550021,SCR-1,Scrunchie,Return and refund,' +
  'Damaged,$8.99,1,$8.99,Completed,04/25/2026 10:00:00\r\n';

/** Seller Center → Products → Manage products → Export. */
export const PRODUCT_LIST_CSV =
  'Product ID,Product Name,SKU ID,Seller SKU,Variation,Price,Quantity,Status\r\n' +
  '1729000000000000001,High-Waist Leggings,1732440158394101177,LEG-BLK-M,Black / M,$24.99,120,Live\r\n';

/** Seller Center analytics (Data Compass): a day-by-day overview, which Ads Manager's words half fit. */
export const SHOP_ANALYTICS_CSV =
  'Date,GMV,Orders,Items sold,Buyers,Product impressions,Product page views,Visitors,Conversion rate\r\n' +
  '2026-05-01,$1234.50,40,52,38,12000,3000,2500,1.60%\r\n';

/**
 * Finance → Statements, the list itself exported (reference/tiktok-finance-exports.md §1.2): one row
 * per statement, its totals only, no order in it.
 */
export const STATEMENTS_LIST_CSV =
  'Statement date (UTC),Statement ID,Payment ID,Status,Total settlement amount,Net sales amount,Shipping,Fees,Adjustment amount,Currency\r\n' +
  '2026/05/07,7390000000000000001,4030000000000000001,Paid,4613.85,5782.90,-512.30,-656.75,0.00,USD\r\n' +
  '2026/05/14,7390000000000000002,4030000000000000002,Processing,3120.40,3900.00,-330.10,-449.50,0.00,USD\r\n';

/** Finance → Payments: one row per payout to the seller's bank account. */
export const PAYMENTS_LIST_CSV =
  'Payment ID,Created time,Status,Amount,Settlement amount,Reserve amount,Bank account,Paid time\r\n' +
  '4030000000000000001,2026/05/08,Paid,4613.85,4613.85,0.00,****1234,2026/05/09\r\n';

export const STATEMENTS_LIST = 'the Seller Center statements list (one row per statement)';
export const PAYMENTS_LIST = 'the Seller Center payments list (payouts to your bank)';

const INSTEAD =
  'which TTS Profit does not import: import the Statement export (Finance → Statements → a statement → Export) instead; ' +
  "it has each order's settlement, fees, affiliate commissions and refunds.";

/** The refusal of `what`, for a file (or range) named `where` whose header is on row 1. */
export const refusal = (where: string, what: string): string =>
  `${where}: row 1 is the header of ${what}, ${INSTEAD}`;

export const SELLER_AFFILIATE = 'the Seller Center affiliate orders export (Affiliate Center → Orders)';
export const CREATOR_AFFILIATE =
  "a creator's affiliate orders export (TTS Profit reads a shop's own Seller Center exports)";

/** Each file as a seller names it, as the corpus keeps it (test/corpus/files), and the name its refusal gives it. */
export const OTHER_EXPORT_FILES = [
  {
    file: 'affiliate_orders_20260601.csv',
    corpusName: 'affiliate-orders.csv',
    text: SELLER_AFFILIATE_CSV,
    name: SELLER_AFFILIATE,
  },
  {
    file: 'creator_affiliate_orders.csv',
    corpusName: 'creator-affiliate-orders.csv',
    text: CREATOR_AFFILIATE_CSV,
    name: CREATOR_AFFILIATE,
  },
  {
    file: 'returns.csv',
    corpusName: 'returns-export.csv',
    text: RETURNS_CSV,
    name: 'the Seller Center returns export',
  },
  {
    file: 'products.csv',
    corpusName: 'product-list.csv',
    text: PRODUCT_LIST_CSV,
    name: 'the Seller Center product list',
  },
  {
    file: 'statements_20260601.csv',
    corpusName: 'statements-list.csv',
    text: STATEMENTS_LIST_CSV,
    name: STATEMENTS_LIST,
  },
  {
    file: 'payments_20260601.csv',
    corpusName: 'payments-list.csv',
    text: PAYMENTS_LIST_CSV,
    name: PAYMENTS_LIST,
  },
  {
    file: 'shop_overview.csv',
    corpusName: 'shop-analytics.csv',
    text: SHOP_ANALYTICS_CSV,
    name: 'a Seller Center analytics export',
  },
];
