declare module 'gas-local' {
  /** Loads every file under `folderPath` accepted by `options.filter` (default `.js`) into one vm context. */
  export function require(
    folderPath: string,
    globalObject?: Record<string, unknown>,
    options?: { filter?: (path: string) => boolean },
  ): Record<string, any>;
  /** `{ Logger, Utilities }`: a shared object; chain a fresh one onto it (`__proto__`). */
  export const globalMockDefault: Record<string, unknown>;
  const gas: { require: typeof require; globalMockDefault: typeof globalMockDefault };
  export default gas;
}
