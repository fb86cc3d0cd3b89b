import { createServices, type AuthModeName, type Services } from '../../emulator/services';
import { Workbook, type WorkbookOptions } from '../../emulator/workbook';

/** Services over a fresh workbook; `g` holds the globals the bundle would see. */
export function gas(opts: WorkbookOptions & { authMode?: AuthModeName; htmlDir?: string } = {}) {
  const workbook = new Workbook(opts);
  const services: Services = createServices({ workbook, authMode: opts.authMode, htmlDir: opts.htmlDir });
  const g = services.globals as Record<string, any>;
  return {
    workbook,
    services,
    g,
    /** The active spreadsheet (fetched on use, so it is not counted unless a test asks for it). */
    get ss() {
      return g.SpreadsheetApp.getActiveSpreadsheet();
    },
  };
}
