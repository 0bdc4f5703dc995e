/**
 * `npm run serve`: serves the built site (dist/) on http://localhost:4321, under BASE_PATH if
 * the build used one. Search works here because the Pagefind index is part of the build.
 */
import { existsSync } from 'node:fs';
import { serveStatic } from './lib/static-server.ts';

const root = process.env.OUT_DIR ?? 'dist';
if (!existsSync(`${root}/index.html`)) {
  console.error(`There is no built site in ${root}/. Run "npm run build" first (or "npm start" to build and serve).`);
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4321);
const { url } = await serveStatic({ root, base: process.env.BASE_PATH ?? '/', port, host: process.env.HOST ?? '127.0.0.1' });
console.log(`Serving ${root}/ at ${url}  (Ctrl+C to stop)`);
