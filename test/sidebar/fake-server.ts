/** A fake of the import handlers, recording every call, for the sidebar's import loop tests. */
import type { ServerApi, ServerHandlerName } from '../../src/core/contract';
import type { ServerCaller } from '../../src/sidebar/import/import-runner';

export interface FakeServer {
  call: ServerCaller;
  calls: { name: ServerHandlerName; arg: unknown }[];
  /** Keys the fake "ledger" holds. */
  keys: Set<string>;
  /** Runs before each importChunk answers (e.g. to press Cancel meanwhile). */
  beforeChunk?: (chunkIndex: number) => void;
  /** Makes importChunk number `n` (0-based, across the run) fail with this message. */
  failChunk?: { n: number; message: string };
  inFlight: number;
  maxInFlight: number;
}

export function fakeServer(): FakeServer {
  let chunkCalls = 0;
  const server: FakeServer = {
    calls: [],
    keys: new Set(),
    inFlight: 0,
    maxInFlight: 0,
    call: (async (name: ServerHandlerName, arg: unknown) => {
      // The read-only question asked before each import (how many rows are in already) is answered, not recorded.
      if (name === 'countInLedger')
        return { present: (arg as { keys: string[] }).keys.filter((k) => server.keys.has(k)).length };
      server.calls.push({ name, arg: JSON.parse(JSON.stringify(arg)) });
      server.inFlight++;
      server.maxInFlight = Math.max(server.maxInFlight, server.inFlight);
      try {
        await Promise.resolve();
        if (name === 'beginImport')
          return { importId: `20260515-120000-${String(server.calls.length).padStart(4, '0')}` };
        if (name === 'importChunk') {
          const { rows, chunkIndex } = arg as Parameters<ServerApi['importChunk']>[0];
          server.beforeChunk?.(chunkIndex);
          if (server.failChunk && server.failChunk.n === chunkCalls++)
            throw new Error(server.failChunk.message);
          let written = 0;
          for (const row of rows)
            if (!server.keys.has(row.key)) {
              server.keys.add(row.key);
              written++;
            }
          return { written, duplicates: rows.length - written };
        }
        if (name === 'finishImport') {
          const { importId, status } = arg as Parameters<ServerApi['finishImport']>[0];
          return {
            importId,
            fileName: '',
            written: 0,
            duplicates: 0,
            rejected: 0,
            status,
            cogsAdded: 1,
            settledEstimates: 0,
          };
        }
        throw new Error(`unexpected call ${name}`);
      } finally {
        server.inFlight--;
      }
    }) as ServerCaller,
  };
  return server;
}
