/** Serializes writers of one spreadsheet: two sidebars importing at once must not interleave rows. */

export const LOCK_BUSY_MESSAGE =
  'Another import is writing to this spreadsheet. Wait a minute and try again.';

/** How long to wait for another writer's chunk to finish (a chunk takes a few seconds). */
const LOCK_WAIT_MS = 20_000;

/** Runs `write` holding the document lock, or throws LOCK_BUSY_MESSAGE having written nothing. */
export function withDocumentLock<T>(write: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) throw new Error(LOCK_BUSY_MESSAGE);
  try {
    const result = write();
    // Pending writes must land before the next writer reads the key column.
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
