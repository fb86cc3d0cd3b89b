/**
 * Dates written day first (a file re-saved by Excel in a UK or EU locale) are decided per file and
 * column, as the sidebar's worker reads the file: a value whose first part is over 12 settles the
 * column; a column of values that read either way is read month first and the preview says so; a
 * column with both orders is refused, naming file, row and column. The order export of
 * test/corpus/order-export.ts, with its Created Time rewritten.
 */
import { describe, expect, it } from 'vitest';
import { orderExportCsv, ORDER_EXPORT_FILE } from '../corpus/order-export';
import { sidebarRead, sidebarReadAll } from './sidebar-read';

const withCreated = (dates: string[]) => orderExportCsv((_l, i) => dates[i]);
const days = (rows: { orderDate: string }[]) => rows.map((r) => r.orderDate.slice(0, 10));

describe('the order of slash dates, per file and column', () => {
  it('reads a column day first from the value that settles it, the rows before it included (read again)', async () => {
    // Row 2 reads either way; row 3 (14/05) can only be day first, so row 2 is the 4th of May.
    const file = await sidebarRead(
      withCreated([
        '04/05/2026 10:00:00',
        '14/05/2026 11:30:00',
        '02/05/2026 09:05:00',
        '20/05/2026 18:45:00',
        '28/05/2026 08:00:00',
      ]),
      ORDER_EXPORT_FILE,
    );
    expect(file.rows).toHaveLength(5);
    expect(days(file.rows)).toEqual(['2026-05-04', '2026-05-14', '2026-05-02', '2026-05-20', '2026-05-28']);
    expect(file.period).toEqual({ first: '2026-05-02', last: '2026-05-28' });
    expect(file.orderExport?.netSalesByMonth).toEqual([{ month: '2026-05', cents: 6650 }]);
    expect(file.readNotes).toEqual([
      'orders-2026-04.csv: column *Created Time* writes dates day first (row ' +
        '3 has `14/05/2026 11:30:00`): every date in it was read as day/month/year.',
    ]);
  });

  it('reads a column whose every date reads either way month first, as US exports are written, and says so', async () => {
    const file = await sidebarRead(
      withCreated(['04/05/2026', '04/06/2026', '04/07/2026', '04/08/2026', '04/09/2026']),
      ORDER_EXPORT_FILE,
    );
    expect(days(file.rows)).toEqual(['2026-04-05', '2026-04-06', '2026-04-07', '2026-04-08', '2026-04-09']);
    expect(file.readNotes).toEqual([
      'orders-2026-04.csv: every date in column *Created Time* reads either way (row 2 has `04/05/2026`): read month first (MM/DD/YYYY), ' +
        'as Seller Center writes US exports. If the file was saved day first, download it again and import it without saving it in Excel.',
    ]);
  });

  it('decides the order of dates with times on a 12-hour clock the same way', async () => {
    const file = await sidebarRead(
      withCreated([
        '04/05/2026 10:00:00 PM',
        '14/05/2026 11:30:00 AM',
        '02/05/2026 12:05:00 AM',
        '20/05/2026 6:45 PM',
        '28/05/2026 8:00 am',
      ]),
      ORDER_EXPORT_FILE,
    );
    expect(file.rejects).toEqual([]);
    expect(file.rows.map((r) => r.orderDate)).toEqual([
      '2026-05-04T22:00:00',
      '2026-05-14T11:30:00',
      '2026-05-02T00:05:00',
      '2026-05-20T18:45:00',
      '2026-05-28T08:00:00',
    ]);
    expect(file.readNotes).toEqual([
      'orders-2026-04.csv: column *Created Time* writes dates day first (row ' +
        '3 has `14/05/2026 11:30:00 AM`): every date in it was read as day/month/year.',
    ]);
  });

  it('says nothing of a column written month first as US exports are', async () => {
    const file = await sidebarRead(orderExportCsv(), ORDER_EXPORT_FILE);
    expect(days(file.rows)).toEqual(['2026-04-14', '2026-04-15', '2026-04-20', '2026-04-21', '2026-04-28']);
    expect(file.readNotes).toBeUndefined();
  });

  it('refuses a column with dates written both ways, naming the file, the rows and the column', async () => {
    const { files, errors } = await sidebarReadAll(
      withCreated(['04/05/2026', '14/05/2026', '04/20/2026', '04/21/2026', '04/22/2026']),
      ORDER_EXPORT_FILE,
    );
    expect(files).toEqual([]);
    expect(errors).toEqual([
      {
        fileName: ORDER_EXPORT_FILE,
        message:
          'orders-2026-04.csv: column *Created Time* has dates written both ways: row 3 has `14/05/2026` (day first) and row 4 has `04/20/2026` ' +
          ('(month first), so no date in it can be trusted. Nothing was imported. ' +
            'Download the file again from Seller Center and import it without saving it in Excel.'),
      },
    ]);
  });
});
