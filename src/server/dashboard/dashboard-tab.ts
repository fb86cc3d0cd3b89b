/** The TTS Dashboard tab's name and the columns the add-on owns there (A–P); charts start at R. */
export const DASHBOARD_TAB = 'TTS Dashboard';
export const OWNED_COLUMNS = 16;
