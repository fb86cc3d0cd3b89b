/**
 * The import loop: announce a file, send its rows chunk by chunk (one call in flight at a time, so
 * the server's lock is never contended by our own calls), then close the import with its status.
 * Cancel is honoured between chunks: the chunk already sent is written in full or not at all.
 */
import type { BeginImportRequest, ImportSummary, ServerApi, ServerHandlerName } from '../../core/contract';
import { amountIdsOf, unknownColumnsOf } from '../../core/ledger/ledger-format';
import { repeatsNote } from '../../core/ledger/ready-to-import';
import type { ParsedExport } from '../../core/types';
import { countAlreadyImported } from './already-imported';
import { chunkRows, DEFAULT_CHUNK_LIMITS, type ChunkLimits } from './chunks';

/** Same shape as `callServer`, injectable so tests can use a fake server. */
export type ServerCaller = <K extends ServerHandlerName>(
  name: K,
  arg: Parameters<ServerApi[K]>[0],
) => Promise<ReturnType<ServerApi[K]>>;

export interface ImportOutcome {
  fileName: string;
  layoutLabel: string;
  written: number;
  duplicates: number;
  rejected: number;
  status: ImportSummary['status'];
  cogsAdded: number;
  /** Rows of earlier imports now superseded by this file's settled rows. */
  settledEstimates: number;
  /** Why the import failed, in the server's words. */
  message?: string;
  /** Rows repeated inside the file, written once, and what they held (core/ledger/ready-to-import.ts); '' for none. */
  repeats?: string;
}

export interface ImportRunOptions {
  call: ServerCaller;
  /** Rows sent so far (across every file of the run) and the total to send. */
  onProgress?: (sent: number, total: number, fileName: string) => void;
  /** Checked before each chunk. */
  isCancelled?: () => boolean;
  limits?: ChunkLimits;
}

/** `OK` or how many rows (and statement totals) do not add up, as shown in the TTS Imports tab. */
export function reconciliationText(parsed: ParsedExport): string {
  const r = parsed.reconciliation;
  if (r.ok) return 'OK';
  const parts: string[] = [];
  if (r.mismatches.length > 0)
    parts.push(`${r.mismatches.length} ${r.mismatches.length === 1 ? 'row differs' : 'rows differ'}`);
  const badTotals = r.totalChecks.filter((t) => t.difference !== 0).length;
  if (badTotals > 0)
    parts.push(`${badTotals} statement ${badTotals === 1 ? 'total differs' : 'totals differ'}`);
  return parts.length > 0 ? parts.join(', ') : 'Check the unclassified columns';
}

export function beginRequestOf(parsed: ParsedExport): BeginImportRequest {
  return {
    fileName: parsed.sheet ? `${parsed.fileName} (${parsed.sheet})` : parsed.fileName,
    layout: parsed.layout,
    layoutLabel: parsed.layoutLabel,
    period: { first: parsed.period.first, last: parsed.period.last },
    // The file's rows: those written once though repeated count as often as the file lists them.
    rowsTotal: parsed.rows.length + (parsed.prepared?.repeatsWrittenOnce ?? 0),
    repeats: repeatsNote(parsed),
    rejected: parsed.rejectedRows,
    settlementCents: parsed.totals.settlement,
    netSalesCents: parsed.totals.netSales,
    feesCents: parsed.totals.fees,
    reconciliation: reconciliationText(parsed),
    amountIds: amountIdsOf(parsed.rows),
    unknownColumns: unknownColumnsOf(parsed.rows),
    skuIds: [...new Set(parsed.rows.map((r) => r.skuId.trim()).filter((id) => id !== ''))],
  };
}

function errorMessage(error: unknown): string {
  // Errors may come from another realm (HtmlService, a test sandbox): read `message`, not instanceof.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/**
 * Imports every parsed file in turn. A file that fails is closed as failed and the next one still
 * runs; after a cancel, no further chunk or file is sent.
 */
export async function runImports(
  files: readonly ParsedExport[],
  options: ImportRunOptions,
): Promise<ImportOutcome[]> {
  const { call, onProgress, isCancelled = () => false, limits = DEFAULT_CHUNK_LIMITS } = options;
  const total = files.reduce((sum, f) => sum + f.rows.length, 0);
  let sent = 0;
  const outcomes: ImportOutcome[] = [];

  for (const parsed of files) {
    const request = beginRequestOf(parsed);
    const outcome: ImportOutcome = {
      fileName: request.fileName,
      layoutLabel: parsed.layoutLabel,
      written: 0,
      duplicates: 0,
      rejected: parsed.rejectedRows,
      status: 'complete',
      cogsAdded: 0,
      settledEstimates: 0,
      repeats: request.repeats,
    };
    outcomes.push(outcome);
    if (isCancelled()) {
      outcome.status = 'cancelled';
      continue;
    }
    let importId: string;
    try {
      // The server budgets cells for the rows the ledger lacks; a ledger it cannot read is refused at begin.
      request.rowsNew = parsed.rows.length - (await countAlreadyImported(parsed, call));
      importId = (await call('beginImport', request)).importId;
    } catch (error) {
      outcome.status = 'failed';
      outcome.message = errorMessage(error);
      continue;
    }

    const chunks = chunkRows(parsed.rows, limits);
    let status: ImportOutcome['status'] = 'complete';
    let message: string | undefined;
    for (let i = 0; i < chunks.length; i++) {
      if (isCancelled()) {
        status = 'cancelled';
        break;
      }
      try {
        const result = await call('importChunk', { importId, chunkIndex: i, rows: chunks[i] });
        outcome.written += result.written;
        outcome.duplicates += result.duplicates;
      } catch (error) {
        status = 'failed';
        message = errorMessage(error);
        break;
      }
      sent += chunks[i].length;
      onProgress?.(sent, total, request.fileName);
    }

    outcome.status = status;
    if (message !== undefined) outcome.message = message;
    try {
      const summary = await call(
        'finishImport',
        message === undefined ? { importId, status } : { importId, status, message },
      );
      outcome.cogsAdded = summary.cogsAdded;
      outcome.settledEstimates = summary.settledEstimates;
    } catch (error) {
      // The rows are written; only the log entry could not be closed. Say so without hiding the counts.
      if (outcome.message === undefined)
        outcome.message = `Rows were written, but the import log could not be updated: ${errorMessage(error)}`;
    }
  }
  return outcomes;
}
