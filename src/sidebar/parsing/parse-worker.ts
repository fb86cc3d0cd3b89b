/**
 * Reads and parses export files off the main thread, so the sidebar stays responsive and *Cancel*
 * works while a 100,000-row file is read. The file is read here a piece at a time, its progress
 * and rows sent as they come. Bundled on its own and started from a Blob URL.
 */
import { fileSource } from './file-source';
import { parseStreamingRows } from './parse-file';
import type { ParseRequest, WorkerMessage } from './parse-protocol';

// The sidebar's tsconfig has the DOM lib; the worker global is typed locally instead of pulling
// in the webworker lib, which clashes with DOM.
interface WorkerScope {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
}
const scope = self as unknown as WorkerScope;

// Each request carries its own id, so answers match their files even if requests overlap.
scope.onmessage = async (event) => {
  const { id, fileName, file } = event.data;
  scope.postMessage({ id, type: 'progress', stage: 'parsing', fraction: 0 });
  const outcome = await parseStreamingRows(fileSource(file, fileName), fileName, {
    onRows: (sheet, rows) => scope.postMessage({ id, type: 'rows', sheet, rows }),
    onRestart: () => scope.postMessage({ id, type: 'restart' }),
    onProgress: (fraction) => scope.postMessage({ id, type: 'progress', stage: 'parsing', fraction }),
  });
  scope.postMessage({ id, type: 'progress', stage: 'checking' });
  scope.postMessage({ id, type: 'done', outcome, rowsStreamed: true });
};
