/**
 * A row of the TTS Ledger or TTS Ads tab that the add-on wrote, whose Key was cleared or typed
 * over, is refused by every reader, never skipped as a note the seller typed: its money would drop
 * out of every figure without a word.
 */

/** `the *Key* of a row TTS Profit wrote was cleared or typed over …` (`says`: what the cell says, or ''; `file`: `file` or `report`). */
export const lostKeyText = (says: string, file: string) =>
  `the *Key* of a row TTS Profit wrote was cleared or typed over${says}; type it back, or delete the row and import its ${file} again.`;
