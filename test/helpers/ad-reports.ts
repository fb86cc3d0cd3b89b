/** Ad report fixtures built in code: the XLSX ones (the CSV ones are in test/fixtures/ads/). */
import { writeXlsx, type XlsxCell } from './xlsx-writer';

/** An Ads Manager report at campaign level, as an XLSX (other metrics than the CSV: IDs, currency). */
export function campaignWorkbook(): Uint8Array {
  const rows: XlsxCell[][] = [
    [
      'By Day',
      'Campaign name',
      'Campaign ID',
      'Currency',
      'Cost',
      'Purchases (Shop)',
      'Gross revenue (Shop)',
      'ROAS (Shop)',
    ],
    [{ date: '2026-05-01' }, 'Spring Tanks', '1800000000000000001', 'USD', 50.5, 6, 179.88, 3.56],
    [{ date: '2026-05-02' }, 'Spring Tanks', '1800000000000000001', 'USD', 35.3, 4, 119.92, 3.4],
    [{ date: '2026-05-02' }, 'Leggings Always On', '1800000000000000002', 'USD', 20, 2, 49.98, 2.5],
  ];
  return writeXlsx([{ name: 'Campaign report', rows }]);
}
