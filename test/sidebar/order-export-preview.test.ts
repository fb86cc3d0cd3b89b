// @vitest-environment happy-dom
/**
 * The preview of an order export: what it holds (orders, units, gross sales, discounts, net sales
 * by order date, cancelled and refunded orders), and plainly that it has no settlement or fees.
 * Read as the sidebar's worker reads it; the figures are worked by hand in test/corpus/order-export.ts.
 */
import { describe, expect, it } from 'vitest';
import { ORDER_EXPORT_NOTE, renderPreview } from '../../src/sidebar/import/file-preview';
import { ORDER_EXPORT_EXPECTED, ORDER_EXPORT_FILE, orderExportCsv } from '../corpus/order-export';
import { sidebarRead } from './sidebar-read';

describe('order export preview', () => {
  it('previews orders, units and sales by order date, and says it has no settlement or fees', async () => {
    const file = await sidebarRead(orderExportCsv(), ORDER_EXPORT_FILE);
    const o = ORDER_EXPORT_EXPECTED;
    expect(file.orderExport).toMatchObject({
      orders: o.orders,
      lines: 5,
      units: o.units,
      unitsReturned: o.unitsReturned,
      grossSales: o.grossSales,
      sellerDiscounts: o.sellerDiscounts,
      netSales: o.netSales,
      cancelledOrders: o.cancelled,
      refundedOrders: o.refunded,
      netSalesByMonth: [{ month: '2026-04', cents: o.netSales }],
    });
    expect(file.totals.netSales).toBe(o.netSales);
    expect(file.totals.grossSales).toBe(o.grossSales);
    const text = renderPreview(file).textContent!;
    expect(text).toContain('Orders5 (1 cancelled or unpaid, 2 refunded)');
    expect(text).toContain('Units8 (1 returned)');
    expect(text).toContain('Gross sales$122.50');
    expect(text).toContain('Seller discounts-$7.00');
    expect(text).toContain('Net sales$66.50');
    expect(text).toContain('Net sales by order date, after cancellations and refunds: Apr 2026 $66.50.');
    expect(text).toContain(ORDER_EXPORT_NOTE);
    expect(ORDER_EXPORT_NOTE).toMatch(/^An order export has no settlement or fees/);
    expect(text).not.toContain('Settlement');
    expect(text).not.toMatch(/\$0\.00/);
  });
});
