/**
 * src/lib/mdx-ahead.ts loaded anew, so what it sets up when it loads (the variable naming the
 * shared folder, the shape a stored compilation must have) is tested as a build process meets it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

async function freshModule(): Promise<typeof import('./mdx-ahead.ts')> {
  vi.resetModules();
  return import('./mdx-ahead.ts');
}

describe('mdx-ahead.ts as a freshly started process loads it', () => {
  it('names the shared folder in MDX_AHEAD_DIR, the variable its header documents', async () => {
    const { AHEAD_VARIABLE } = await freshModule();
    expect(AHEAD_VARIABLE).toBe('MDX_AHEAD_DIR');
  });

  it('reads back a stored compilation, and refuses one missing a field', async () => {
    const { AheadFolder, CompiledMdxSchema } = await freshModule();
    const shared = new AheadFolder(mkdtempSync(path.join(tmpdir(), 'mdx-ahead-edges-')));
    const compiled = { code: 'export default 1;', map: '{"version":3}', astroMetadata: { propagation: 'none' } };
    shared.store('k', compiled);
    expect(shared.read('k')).toEqual(compiled);
    expect(CompiledMdxSchema.safeParse(compiled).success).toBe(true);
    for (const field of ['code', 'map', 'astroMetadata'] as const) {
      const { [field]: _dropped, ...rest } = compiled;
      writeFileSync(path.join(shared.dir, 'partial-k.json'), JSON.stringify(rest));
      expect(() => shared.read('partial-k'), field).toThrow(`${path.join(shared.dir, 'partial-k.json')} is not a compiled MDX file`);
    }
  });
});
