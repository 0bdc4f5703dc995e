/**
 * Astro caches parsed content (data-store.json in the cache directory) and does not notice when
 * a schema imported by src/content.config.ts changes, so a stale cache can hide a new field or
 * default. This integration stamps the cache with a hash of src/schemas/ and drops the content
 * cache when the schemas change.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function schemaHash(schemaDir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(schemaDir)
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
    .sort()) {
    hash.update(name).update(readFileSync(path.join(schemaDir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

export default function schemaCacheGuard(): AstroIntegration {
  return {
    name: 'schema-cache-guard',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const cacheDir = fileURLToPath(config.cacheDir);
        const stampFile = path.join(cacheDir, 'content-schema.stamp');
        const current = schemaHash(fileURLToPath(new URL('src/schemas/', config.root)));
        const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : undefined;
        if (previous !== current) {
          if (previous !== undefined) logger.info('Content schemas changed: clearing the cached content.');
          rmSync(path.join(cacheDir, 'data-store.json'), { force: true });
          mkdirSync(cacheDir, { recursive: true });
          writeFileSync(stampFile, current);
        }
      },
    },
  };
}
