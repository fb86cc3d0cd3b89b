/**
 * A copy of `text` that holds no reference to the larger string it was cut from. JS engines
 * (V8 among them) may keep a slice of a string as a pointer into the whole: a key kept for the
 * length of an import would then keep the whole piece of the file it came from alive. Use it for
 * text that outlives the row it was read from (group keys, duplicate keys, cached values, messages).
 */
export function detachedText(text: string): string {
  // Joining makes a new flat string; slicing that copy points into the copy only.
  return (' ' + text).slice(1);
}
