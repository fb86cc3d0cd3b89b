/** Builders for realistic export rows from the real header fixtures. */
import { readFileSync } from 'node:fs';

export const fixtureDir = new URL('../fixtures/', import.meta.url).pathname;

export function fixtureHeader(file: string, line = 0): string[] {
  return readFileSync(fixtureDir + 'headers/' + file, 'utf8')
    .split('\n')
    [line].split(',');
}

/** A row under `header` with the given cells by header name; others '' (or `fill`). */
export function rowOf(
  header: readonly string[],
  values: Record<string, string | number>,
  fill = '',
): string[] {
  const unknown = Object.keys(values).filter((k) => !header.includes(k));
  if (unknown.length) throw new Error(`not in header: ${unknown.join(', ')}`);
  return header.map((h) => (h in values ? String(values[h]) : fill));
}

export function csvOf(rows: readonly (readonly string[])[]): Uint8Array {
  const text =
    rows
      .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
      .join('\n') + '\n';
  return new TextEncoder().encode(text);
}
