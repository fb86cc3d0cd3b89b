/**
 * Menus and lifecycle. `onOpen` runs in AuthMode.NONE for a freshly installed add-on, where any
 * call that needs authorization (properties, reading the sheet) fails silently and the menu never
 * appears, so it only builds the menu.
 */
import { refreshDashboard } from './dashboard/dashboard';
import { spreadsheet } from './sheets/spreadsheet';

export const ADDON_TITLE = 'TTS Profit';
const HELP_TITLE = `${ADDON_TITLE} help`;

/** Builds Extensions → TTS Profit. Touches nothing that needs authorization. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open', 'showSidebar')
    .addItem('Refresh dashboard', 'menuRefreshDashboard')
    .addSeparator()
    .addItem('Help', 'showHelp')
    .addToUi();
}

/** Installing from the Marketplace does not fire onOpen for the open document; build the menu now. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** From the menu: the result as a toast; a failure in a dialog that says what went wrong, never the red error bar. */
export function menuRefreshDashboard(): void {
  let message: string;
  try {
    message = refreshDashboard(null).message;
  } catch (error) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(
      `${ADDON_TITLE}: the dashboard was not refreshed`,
      error instanceof Error ? error.message : String(error),
      ui.ButtonSet.OK,
    );
    return;
  }
  spreadsheet().toast(message, ADDON_TITLE, 5);
}

/** Marks the sidebar page as the Help dialog (src/sidebar/main.ts), so the help text lives in the sidebar's bundle, not in Code.js. */
export const HELP_VIEW_MARKER = '<div id="tts-view" data-view="help" hidden></div>';

export function showHelp(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .append(HELP_VIEW_MARKER)
    .setTitle(HELP_TITLE)
    .setWidth(520)
    .setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, HELP_TITLE);
}
