/**
 * Whether a cell holds a date: Sheets hands date cells over as Date objects, made in a realm that
 * is not always the script's, so `instanceof Date` cannot tell.
 */
export function isDateCell(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
