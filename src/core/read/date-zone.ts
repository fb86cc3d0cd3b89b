/**
 * The clock a date-time is read on, one rule for a pasted export and the TTS Ledger tab alike: the
 * spreadsheet's time zone is the seller's clock. A date-time is a moment when its column's header
 * says UTC (`Order created time(UTC)`), its text carries a zone (`…Z`, `…+08:00`) or the file name
 * gives one (`(UTC-7)`); the ledger keeps the moment, which the spreadsheet shows in its zone, and a
 * range a function reads shows it the same way (`dateText`), so a row falls in the same month on
 * both. Any other date-time is the seller's clock as written: no zone is added.
 */
export function onSellersClock(
  iso: string,
  raw: unknown,
  header: string,
  fileZone: string | undefined,
  dateText: ((date: Date) => string) | undefined,
): string {
  if (iso.length <= 10 || fileZone) return iso;
  if (!/utc/i.test(header) && !(typeof raw === 'string' && /([zZ]|[+-]\d\d:?\d\d)\s*$/.test(raw)))
    return iso.replace(/Z$/, '');
  return dateText ? dateText(new Date(iso)) : iso;
}
