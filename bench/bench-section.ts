/** One section of `npm run bench` beyond the CSV files: its printed lines. */
export interface BenchSection {
  name: string;
  data: unknown;
  lines: string[];
}
