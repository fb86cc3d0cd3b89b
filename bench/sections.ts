/** Benchmark sections beyond the CSV files: the custom functions and XLSX in Chromium. */
import type { BenchSection } from './bench-section';

export async function extraSections(skip: Set<string>): Promise<BenchSection[]> {
  const sections: BenchSection[] = [];
  if (!skip.has('custom-functions')) sections.push(await (await import('./custom-functions')).benchCustomFunctions());
  if (!skip.has('browser')) {
    const { benchXlsxInBrowser, xlsxBenchLines } = await import('./xlsx-in-browser');
    const size = { rows: 100_000, cols: 64 };
    const result = await benchXlsxInBrowser(size);
    sections.push({ name: 'xlsxInBrowser', data: result, lines: xlsxBenchLines(result, size.cols) });
  }
  return sections;
}
