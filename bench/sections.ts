/** Benchmark sections beyond the CSV pipeline: filled in as the features they measure land. */
export interface BenchSection {
  name: string;
  data: unknown;
  lines: string[];
}

export async function extraSections(skip: Set<string>): Promise<BenchSection[]> {
  const sections: BenchSection[] = [];
  if (!skip.has('custom-functions')) sections.push(await (await import('./custom-functions')).benchCustomFunctions());
  return sections;
}
