/** How TTS Profit words a count for a seller, in the sidebar and in the sheet alike. */

/** `1234` → `1,234`. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `3, 'row'` → `3 rows`; `1, 'row'` → `1 row`. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count(n)} ${n === 1 ? singular : pluralForm}`;
}
