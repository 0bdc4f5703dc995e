/**
 * What estimate evaluation adds to a build, for `npm run bench`: every ```estimate block in the
 * content evaluated the way the build does (parse, mathjs evaluation, table), timed. The build
 * does this work twice (the remark plugin per page, and the content check), so the report gives
 * both the time for one pass and the share of a build it represents.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findEstimateBlocks } from './blocks.ts';
import { runChain, type EvaluatedChain } from './index.ts';
import { loadFigures } from './load.ts';
import { chainTree } from './render.ts';

export interface EstimateTimings {
  pages: number;
  chains: number;
  rows: number;
  /** Milliseconds for one pass over every chain (best of the runs, after a warm-up). */
  passMs: number;
  /** Milliseconds to load mathjs and the figures the first time. */
  startupMs: number;
}

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name.startsWith('_') || name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? mdxFiles(full) : name.endsWith('.mdx') ? [full] : [];
  });
}

export function measureEstimates(contentDir = 'content', runs = 5): EstimateTimings {
  const started = performance.now();
  const figures = loadFigures(path.join(contentDir, 'figures'));
  const bodies = mdxFiles(contentDir)
    .map((file) => findEstimateBlocks(readFileSync(file, 'utf8')))
    .filter((blocks) => blocks.length > 0);
  const pass = () => {
    let chains = 0;
    let rows = 0;
    for (const blocks of bodies) {
      const page = new Map<string, EvaluatedChain>();
      for (const block of blocks) {
        const { chain } = runChain(block.text, figures, page);
        if (!chain) continue;
        page.set(chain.id, chain);
        chainTree(chain);
        chains += 1;
        rows += chain.rows.length;
      }
    }
    return { chains, rows };
  };
  const counts = pass();
  const startupMs = performance.now() - started;
  let passMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    pass();
    passMs = Math.min(passMs, performance.now() - t);
  }
  return { pages: bodies.length, ...counts, passMs, startupMs };
}
