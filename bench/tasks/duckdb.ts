/** The near-limit reference: DuckDB runs the same P&L aggregate (by month and by SKU) over the same file. */
import type { DuckDBInstance as DuckDBInstanceClass } from '@duckdb/node-api';

/** `DuckDBInstance`: the library is loaded by the caller, before its clock starts, and only for this task. */
export async function duckdbPnl(
  file: string,
  DuckDBInstance: typeof DuckDBInstanceClass,
): Promise<{ rows: number; groups: number; settlement: string }> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  const source = `read_csv('${file.replace(/'/g, "''")}', header = true, all_varchar = true)`;
  const money = (c: string) => `sum(coalesce(try_cast(nullif("${c}", '/') AS DECIMAL(18,2)), 0))`;
  const sql = `
    WITH t AS (SELECT *, substr(coalesce(nullif("Order created date", ''), "Statement date (UTC)"), 1, 7) AS month FROM ${source})
    SELECT month, "SKU ID" AS sku, count(*) AS n,
      ${money('Total settlement amount')} AS settlement, ${money('Net sales')} AS net_sales,
      ${money('Gross sales')} AS gross, ${money('Shipping')} AS shipping, ${money('Fees')} AS fees,
      ${money('Referral fee')} AS referral, ${money('Affiliate commission')} AS affiliate,
      ${money('Adjustment amount')} AS adjustments
    FROM t GROUP BY GROUPING SETS ((month), (sku))`;
  const reader = await connection.runAndReadAll(sql);
  const rows = reader.getRowObjects();
  let settlement = 0n;
  let counted = 0;
  for (const row of rows) {
    if (row.month === null) continue; // count each source row once: the month grouping set
    counted += Number(row.n);
    settlement += BigInt(String(row.settlement).replace('.', ''));
  }
  connection.closeSync();
  return { rows: counted, groups: rows.length, settlement: (Number(settlement) / 100).toFixed(2) };
}
