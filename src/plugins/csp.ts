/**
 * After the build, gives every page its Content-Security-Policy meta tag (see src/lib/csp.ts:
 * the policy allows only what the site itself writes, whatever else the page contains) and
 * writes _headers with the headers a meta tag cannot carry. The built-site check then fails any
 * page that contains active code the policy does not cover.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, withCspMeta } from '../lib/csp.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? htmlFiles(full) : name.endsWith('.html') ? [full] : [];
  });
}

export default function csp(): AstroIntegration {
  let base = '/';
  return {
    name: 'content-security-policy',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = htmlFiles(out);
        for (const file of files) writeFileSync(file, withCspMeta(readFileSync(file, 'utf8')));
        writeFileSync(path.join(out, '_headers'), headersFile(base.endsWith('/') ? base : `${base}/`));
        logger.info(`Content-Security-Policy added to ${files.length} pages; _headers written.`);
      },
    },
  };
}
