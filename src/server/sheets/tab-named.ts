/** A tab of the active spreadsheet by its name: every module that looks one up goes through here. */
export function tabNamed(name: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
}
