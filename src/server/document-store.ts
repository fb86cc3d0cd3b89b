/**
 * Values the add-on keeps as JSON in the document's properties (settings, chart ids, what the
 * dashboard wrote…). A value missing, unreadable or not of the expected shape reads as the
 * fallback: a property edited by hand or left by an older version never breaks the add-on.
 */

/** The spreadsheet's own properties, where the add-on keeps its state. */
export function documentProperties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** The value under `key` as `accept` keeps it (undefined: not of the expected shape), else `fallback`. */
export function readStored<T>(key: string, fallback: T, accept: (value: unknown) => T | undefined): T {
  const text = documentProperties().getProperty(key);
  if (!text) return fallback;
  try {
    return accept(JSON.parse(text)) ?? fallback;
  } catch {
    return fallback;
  }
}

export function writeStored(key: string, value: unknown): void {
  documentProperties().setProperty(key, JSON.stringify(value));
}
