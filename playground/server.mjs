// `npm start` entry: runs the TypeScript playground server (playground/server.ts) through tsx.
import { register } from 'tsx/esm/api';

register();
const { startPlayground } = await import('./server.ts');
const port = process.env.PORT === undefined ? 8080 : Number(process.env.PORT);
try {
  const playground = await startPlayground({ port });
  console.log(`TTS Profit playground: ${playground.url}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
