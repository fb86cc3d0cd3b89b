/**
 * A UTF-8 file with a few lines that are not UTF-8 (one row pasted from an older Windows file) is
 * read as UTF-8 with only those lines read as Windows-1252: re-reading the whole file as
 * Windows-1252 would turn every accented name of the other lines into mojibake (`CrÃ¨me`).
 */

/** The decoders of decode.ts, passed in (it calls this module). */
export interface Codec {
  isValidUtf8(bytes: Uint8Array): boolean;
  utf8(bytes: Uint8Array): string;
  windows1252(bytes: Uint8Array): string;
}

/** How each line of `bytes` reads, split at LF (a byte no multi-byte character contains). */
interface LineRun {
  start: number;
  end: number;
  utf8: boolean;
}

function lineRuns(
  bytes: Uint8Array,
  isValidUtf8: (b: Uint8Array) => boolean,
): { runs: LineRun[]; utf8NonAscii: boolean } {
  const runs: LineRun[] = [];
  let utf8NonAscii = false;
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    end = end < 0 ? bytes.length : end + 1;
    const line = bytes.subarray(start, end);
    const utf8 = isValidUtf8(line);
    if (utf8 && !utf8NonAscii && line.some((b) => b >= 0x80)) utf8NonAscii = true;
    const previous = runs[runs.length - 1];
    if (previous && previous.utf8 === utf8) previous.end = end;
    else runs.push({ start, end, utf8 });
    start = end;
  }
  return { runs, utf8NonAscii };
}

/**
 * The text of a file that is not valid UTF-8 as a whole: when some line holds UTF-8 characters,
 * every valid line is read as UTF-8 and each other line as Windows-1252 (`badLines`, 1-based);
 * otherwise null (the file is Windows-1252 throughout).
 */
export function decodeMostlyUtf8(
  bytes: Uint8Array,
  codec: Codec,
): { text: string; badLines: number[] } | null {
  const { utf8, windows1252 } = codec;
  const { runs, utf8NonAscii } = lineRuns(bytes, codec.isValidUtf8);
  if (!utf8NonAscii) return null;
  const parts: string[] = [];
  const badLines: number[] = [];
  let line = 1;
  for (const run of runs) {
    const chunk = bytes.subarray(run.start, run.end);
    let lines = 0;
    for (const b of chunk) if (b === 0x0a) lines++;
    if (!run.utf8) for (let i = 0; i < Math.max(lines, 1); i++) badLines.push(line + i);
    parts.push(run.utf8 ? utf8(chunk) : windows1252(chunk));
    line += lines;
  }
  return { text: parts.join(''), badLines };
}
