/** Benchmark sections beyond the CSV pipeline: filled in as the features they measure land. */
export interface BenchSection {
  name: string;
  data: unknown;
  lines: string[];
}

export async function extraSections(_skip: Set<string>): Promise<BenchSection[]> {
  return [];
}
