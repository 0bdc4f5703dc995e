// @vitest-environment happy-dom
/**
 * Every diagram in content/ has a phone layout with something in it, is no wider than the
 * largest width bucket, and global.css has the container rule for its bucket (and for every
 * bucket figure.ts can give), so no diagram is left scrolling sideways on a phone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUCKET_STEP, LARGEST_BUCKET, SMALLEST_BUCKET, widthBucket } from './figure.ts';
import { readDiagramLinks } from './links.ts';
import { phoneLayout } from './phone.ts';
import { renderDiagram } from './render.ts';
import { isBuildTimeType, readDiagramSource } from './source.ts';

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return mdxFiles(full);
    return entry.name.endsWith('.mdx') ? [full] : [];
  });
}

const diagrams = mdxFiles('content').flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/^```mermaid\n([\s\S]*?)^```/gm)].map((match, index) => ({
    name: `${file.replace(/\\/g, '/')} #${index + 1}`,
    source: match[1]!,
  })),
);

describe('content diagrams on a phone', () => {
  it('finds the diagrams', () => {
    expect(diagrams.length).toBeGreaterThan(50);
  });

  it.each(diagrams)('$name has a phone layout and a width bucket', ({ source }) => {
    const { type, title } = readDiagramSource(source);
    expect(isBuildTimeType(type)).toBe(true);
    const html = phoneLayout(source, type, readDiagramLinks(source, type).links);
    expect(html, `${type} has no phone layout`).toBeDefined();
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
    // Something to read: a step or a box per node, each with text.
    const entries = [...doc.querySelectorAll('.diagram-step, .diagram-node')];
    expect(entries.length).toBeGreaterThan(1);
    for (const entry of entries) expect(entry.textContent.trim()).not.toBe('');
    const { width } = renderDiagram(source, { idPrefix: 'dg-t', title: title ?? '', description: '' });
    expect(widthBucket(width)).toBeLessThanOrEqual(LARGEST_BUCKET);
  });

  it('global.css has a container rule for every width bucket', () => {
    const css = readFileSync(path.join('src', 'styles', 'global.css'), 'utf8');
    for (let bucket = SMALLEST_BUCKET; bucket <= LARGEST_BUCKET; bucket += BUCKET_STEP) {
      const rule = new RegExp(
        `@container diagram \\(width < ${bucket}px\\) \\{\\s*\\.diagram--w${bucket} > \\.diagram-canvas \\{\\s*display: none;\\s*\\}\\s*` +
          `\\.diagram--w${bucket} > \\.diagram-steps \\{\\s*display: block;\\s*\\}\\s*\\}`,
      );
      expect(css, `no rule for diagram--w${bucket}`).toMatch(rule);
    }
  });

  it('refuses a drawing wider than the largest bucket', () => {
    expect(widthBucket(100)).toBe(SMALLEST_BUCKET);
    expect(widthBucket(382)).toBe(400);
    expect(widthBucket(383)).toBe(500);
    expect(() => widthBucket(LARGEST_BUCKET)).toThrow(/wider than the largest width bucket/);
  });
});
