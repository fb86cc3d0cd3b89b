/**
 * Starts the parse worker from a Blob URL: HtmlService serves one HTML file, so the worker's
 * bundled code travels inside it as text (injected by scripts/build.mjs).
 */
import workerSource from 'parse-worker-source';

export function startParseWorker(): Worker {
  const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  try {
    return new Worker(url);
  } finally {
    // The worker has fetched its script once constructed; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
