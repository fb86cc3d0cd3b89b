/** A tab of the active spreadsheet by its name: every module that looks one up goes through here. */
import { spreadsheet } from './spreadsheet';
export function tabNamed(name: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  return spreadsheet().getSheetByName(name);
}
