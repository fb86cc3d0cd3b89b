/**
 * The sidebar's import calls. The browser parses and validates files; the server only checks what
 * it receives and appends it. Each call holds the document lock for its writes, and every write
 * of rows is one batch, so a chunk is either in the ledger or not.
 */
import type {
  BeginImportRequest,
  BeginImportResult,
  FinishImportRequest,
  ImportChunkRequest,
  ImportChunkResult,
  ImportSummary,
} from '../../core/contract';
import { findColumnById } from '../../core/read/catalog';
import { LEDGER_TAB } from '../../core/ledger/ledger-format';
import { prefillCogs } from '../sheets/cogs-sheet';
import { withDocumentLock } from '../sheets/document-lock';
import { BeginImportSchema, FinishImportSchema, ImportChunkSchema, MAX_CHUNK_CHARS } from './import-schemas';
import {
  deleteImportState,
  loadImportState,
  newImportId,
  saveImportState,
  staleImports,
  type ImportState,
} from './import-state';
import { checkImportsTab, logImportFinished, logImportStarted } from '../sheets/imports-log';
import { appendToLedger, prepareLedger, skusInLedgerRows } from '../sheets/ledger-sheet';
import { checkRequest } from './request-check';
import { CANCELLED, SKIPPED } from './import-state';
import { SUPERSEDED_HEADER, markSuperseded } from '../sheets/superseded-marks';
import { supersededText } from '../../core/ledger/settled-estimates';
import { checkCellBudget } from './cell-check';
import { markLedgerChanged } from '../dashboard/dashboard-freshness';

/** Refuses amount column ids the catalog does not know (`where`: the request and its field). */
function checkAmountIds(ids: readonly string[], where: string): void {
  const unknown = ids.filter((id) => !findColumnById(id));
  if (unknown.length > 0)
    throw new Error(`${where}: unknown amount column ${unknown.map((id) => JSON.stringify(id)).join(', ')}.`);
}

/** Adds the new SKUs among the ledger rows this import wrote to TTS COGS. */
function prefillFromImport(state: ImportState): number {
  return state.firstRow > 0 ? prefillCogs(skusInLedgerRows(state.firstRow, state.lastRow)) : 0;
}

/** Closes imports whose sidebar went away mid-import, so their log row says what was written. */
function closeStaleImports(now: number): void {
  for (const state of staleImports(now)) {
    prefillFromImport(state);
    logImportFinished(
      state.importId,
      state,
      'interrupted',
      `The sidebar stopped after ${state.written} new rows. Import the file again to add the rest; ${SKIPPED}`,
    );
    deleteImportState(state.importId);
  }
}

/** Opens an import: adds any new amount columns to the ledger header and logs the file as "in progress". */
export function beginImport(arg: BeginImportRequest): BeginImportResult {
  const request = checkRequest(BeginImportSchema, arg, 'Import');
  checkAmountIds(request.amountIds, 'Import rejected: amountIds');
  return withDocumentLock(() => {
    const now = new Date();
    closeStaleImports(now.getTime());
    const importId = newImportId(now);
    // Both tabs are checked before either is written: a refusal leaves the workbook as it was.
    checkImportsTab();
    checkCellBudget(request);
    prepareLedger(request.amountIds, request.unknownColumns);
    logImportStarted(importId, request, now);
    saveImportState({
      importId,
      fileName: request.fileName,
      repeats: request.repeats,
      rejected: request.rejected,
      written: 0,
      duplicates: 0,
      firstRow: 0,
      lastRow: 0,
      updatedAt: now.getTime(),
    });
    return { importId };
  });
}

/** Appends one chunk's new rows to the ledger (rows whose key is already there are skipped). */
export function importChunk(arg: ImportChunkRequest): ImportChunkResult {
  const request = checkRequest(ImportChunkSchema, arg, 'Import chunk', MAX_CHUNK_CHARS);
  request.rows.forEach((row, i) =>
    checkAmountIds(Object.keys(row.amounts), `Import chunk rejected: rows[${i}].amounts`),
  );
  return withDocumentLock(() => {
    const state = loadImportState(request.importId);
    const result = appendToLedger(request.rows, request.importId);
    state.written += result.written;
    state.duplicates += result.duplicates;
    if (result.written > 0) {
      if (state.firstRow === 0) state.firstRow = result.firstRow;
      state.lastRow = Math.max(state.lastRow, result.lastRow);
    }
    state.updatedAt = Date.now();
    saveImportState(state);
    return { written: result.written, duplicates: result.duplicates };
  });
}

/** Closes an import: pre-fills TTS COGS with its new SKUs and completes its TTS Imports row. */
export function finishImport(arg: FinishImportRequest): ImportSummary {
  const request = checkRequest(FinishImportSchema, arg, 'Finish import');
  return withDocumentLock(() => {
    const state = loadImportState(request.importId);
    const cogsAdded = prefillFromImport(state);
    const settledEstimates = state.written > 0 ? markSuperseded(state.importId) : 0;
    const message =
      request.message ??
      (request.status === 'cancelled'
        ? CANCELLED
        : settledEstimates > 0
          ? `${supersededText(settledEstimates)} See ${SUPERSEDED_HEADER} in ${LEDGER_TAB}.`
          : '');
    logImportFinished(state.importId, state, request.status, message);
    deleteImportState(state.importId);
    markLedgerChanged(state.fileName, state.written, new Date());
    return {
      importId: state.importId,
      fileName: state.fileName,
      written: state.written,
      duplicates: state.duplicates,
      rejected: state.rejected,
      status: request.status,
      cogsAdded,
      settledEstimates,
    };
  });
}
