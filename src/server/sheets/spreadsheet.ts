/** The spreadsheet the add-on runs in: every tab it reads or writes is in it. */
export function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}
