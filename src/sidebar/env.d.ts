/** The parse worker's bundled source, injected by scripts/build.mjs so it can start from a Blob URL. */
declare module 'parse-worker-source' {
  const source: string;
  export default source;
}
declare module '*.css';
