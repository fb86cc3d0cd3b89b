/**
 * Parses export files off the main thread, so the sidebar stays responsive and *Cancel* works
 * while a 100,000-row file is read. Bundled on its own and started from a Blob URL.
 */
import { parseBytesStreamingRows } from './parse-file';
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
  const { id, fileName, bytes } = event.data;
  scope.postMessage({ id, type: 'progress', stage: 'parsing' });
  const outcome = await parseBytesStreamingRows(new Uint8Array(bytes), fileName, (sheet, rows) => {
    scope.postMessage({ id, type: 'rows', sheet, rows });
  });
  scope.postMessage({ id, type: 'progress', stage: 'checking' });
  scope.postMessage({ id, type: 'done', outcome, rowsStreamed: true });
};
