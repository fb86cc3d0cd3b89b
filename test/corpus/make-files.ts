/** Writes the corpus's small files to test/corpus/files (run with `npx tsx test/corpus/make-files.ts`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { SMALL_FILES } from './expectations';

const dir = new URL('files/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, make] of Object.entries(SMALL_FILES)) writeFileSync(new URL(name, dir), make());
