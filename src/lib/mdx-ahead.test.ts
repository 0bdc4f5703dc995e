import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AheadFolder,
  aheadKey,
  compileAhead,
  rendererFingerprint,
  rendererSettings,
  take,
  type CompiledMdx,
  type MdxRenderer,
  type RendererSettings,
} from './mdx-ahead.ts';
import { pendingParsedTrees, takeParsedTree } from './parsed-ahead.ts';
import type { Root } from 'mdast';

const folder = () => new AheadFolder(mkdtempSync(path.join(tmpdir(), 'mdx-ahead-')));
const compiled = (code: string): CompiledMdx => ({ code, map: null, astroMetadata: { propagation: 'none' } });
const noFrontmatter = (code: string) => ({ frontmatter: {}, content: code });

/** A renderer that records what it compiles; a body containing "broken" fails. */
function recordingRenderer(): MdxRenderer & { calls: [string, string, Record<string, unknown>][] } {
  const calls: [string, string, Record<string, unknown>][] = [];
  return {
    calls,
    process(content, filePath, frontmatter) {
      calls.push([content, filePath, frontmatter]);
      if (content.includes('broken')) return Promise.reject(new Error('Could not parse expression'));
      return Promise.resolve(compiled(`compiled: ${content}`));
    },
  };
}

describe('the renderer fingerprint', () => {
  const settings = {
    processorOptions: {
      remarkPlugins: [function remarkDiagrams() {}],
      rehypePlugins: [[function rehypeContent() {}, { base: '/' }]],
      gfm: true,
    },
    syntaxHighlight: false,
    srcDir: '/project/src',
    optimize: false,
  };

  it('is the same for the same settings in another process, and differs when a plugin, option or folder differs', () => {
    // Another process has other function objects of the same plugins.
    const again = {
      processorOptions: {
        remarkPlugins: [function remarkDiagrams() {}],
        rehypePlugins: [[function rehypeContent() {}, { base: '/' }]],
        gfm: true,
      },
      syntaxHighlight: false,
      srcDir: '/project/src',
      optimize: false,
    };
    expect(rendererFingerprint(again)).toBe(rendererFingerprint(settings));
    const other = (change: Partial<RendererSettings>) => rendererFingerprint({ ...settings, ...change });
    expect(other({ srcDir: '/elsewhere/src' })).not.toBe(rendererFingerprint(settings));
    expect(other({ syntaxHighlight: 'shiki' })).not.toBe(rendererFingerprint(settings));
    expect(other({ optimize: true })).not.toBe(rendererFingerprint(settings));
    expect(
      other({ processorOptions: { ...settings.processorOptions, rehypePlugins: [[function rehypeContent() {}, { base: '/sub/' }]] } }),
    ).not.toBe(rendererFingerprint(settings));
    expect(other({ processorOptions: { ...settings.processorOptions, remarkPlugins: [function remarkOther() {}] } })).not.toBe(
      rendererFingerprint(settings),
    );
  });

  it('keys a compilation by fingerprint, path and exact text', () => {
    const key = aheadKey('f', '/c/a.mdx', '# A');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(aheadKey('f', '/c/a.mdx', '# A')).toBe(key);
    for (const other of [aheadKey('g', '/c/a.mdx', '# A'), aheadKey('f', '/c/b.mdx', '# A'), aheadKey('f', '/c/a.mdx', '# A ')]) {
      expect(other).not.toBe(key);
    }
    // The parts cannot run into each other.
    expect(aheadKey('f', '/c/a', '.mdx# A')).not.toBe(aheadKey('f', '/c/a.mdx', '# A'));
    expect(aheadKey('f/c', '/a.mdx', '# A')).not.toBe(aheadKey('f', '/c/a.mdx', '# A'));
  });
});

describe('the renderer settings of a config', () => {
  it('are its markdown processor options and syntax highlighting, with the source folder made absolute', () => {
    const options = { remarkPlugins: [], gfm: true };
    expect(rendererSettings({ markdown: { processor: { options }, syntaxHighlight: 'shiki' } }, 'src', { optimize: true })).toEqual({
      processorOptions: options,
      syntaxHighlight: 'shiki',
      srcDir: path.resolve('src'),
      optimize: true,
    });
  });

  it('are empty but for the folder when the config sets no markdown, or no processor', () => {
    // Without MDX options, @astrojs/mdx does not optimize.
    const empty = { processorOptions: undefined, syntaxHighlight: undefined, srcDir: path.resolve('/project/src'), optimize: false };
    expect(rendererSettings({}, '/project/src')).toEqual(empty);
    expect(rendererSettings({ markdown: {} }, '/project/src')).toEqual(empty);
    expect(rendererSettings({ markdown: { processor: {}, syntaxHighlight: false } }, '/project/src')).toEqual({
      ...empty,
      syntaxHighlight: false,
    });
  });
});

describe('the shared folder', () => {
  it('lets only the first process claim a file', () => {
    const shared = folder();
    expect(shared.claim('k')).toBe(true);
    expect(shared.claim('k')).toBe(false);
    expect(new AheadFolder(shared.dir).claim('k')).toBe(false);
    expect(shared.claim('other')).toBe(true);
  });

  it('stores a compilation whole and reads it back; nothing stored reads as undefined', () => {
    const shared = folder();
    expect(shared.read('k')).toBeUndefined();
    shared.store('k', compiled('export default 1;'));
    expect(shared.read('k')).toEqual(compiled('export default 1;'));
    expect(readdirSync(shared.dir)).toEqual(['k.json']);
  });

  it('refuses a stored file that is not a compilation, naming it', () => {
    const shared = folder();
    writeFileSync(path.join(shared.dir, 'k.json'), JSON.stringify({ code: 'x', map: null, astroMetadata: {}, extra: 1 }));
    let message = '';
    try {
      shared.read('k');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.startsWith(`${path.join(shared.dir, 'k.json')} is not a compiled MDX file: `)).toBe(true);
    // Zod's account of what is wrong, then the fix.
    expect(message).toContain('extra');
    expect(message.endsWith('. Run npm run build again.')).toBe(true);
  });

  it('stores a tree for one file and text, and gives a fresh copy of it for exactly those', () => {
    const shared = folder();
    const tree: Root = { type: 'root', children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: 'A' }] }] };
    expect(shared.readTree('/c/a.mdx', '# A')).toBeUndefined();
    shared.storeTree('/c/a.mdx', '# A', tree);
    const first = shared.readTree('/c/a.mdx', '# A');
    expect(first).toEqual(tree);
    expect(shared.readTree('/c/a.mdx', '# A')).not.toBe(first);
    expect(shared.readTree('/c/a.mdx', '# A changed')).toBeUndefined();
    expect(shared.readTree('/c/b.mdx', '# A')).toBeUndefined();
    // The path and the text are kept apart in the key: the same characters split elsewhere are another tree.
    expect(shared.readTree('/c/a.mdx#', ' A')).toBeUndefined();
    const [name] = readdirSync(shared.dir);
    expect(name).toMatch(/^[0-9a-f]{64}\.tree\.json$/);
    writeFileSync(path.join(shared.dir, name!), JSON.stringify({ type: 'paragraph', children: [] }));
    expect(() => shared.readTree('/c/a.mdx', '# A')).toThrow(
      `${path.join(shared.dir, name!)} is not an MDX tree (stored for /c/a.mdx). Run npm run build again.`,
    );
    writeFileSync(path.join(shared.dir, name!), 'null');
    expect(() => shared.readTree('/c/a.mdx', '# A')).toThrow('is not an MDX tree (stored for /c/a.mdx)');
  });

  it('errors other than an existing claim are not taken for one', () => {
    const missing = new AheadFolder(path.join(tmpdir(), 'mdx-ahead-no-such-folder', 'x'));
    expect(() => missing.claim('k')).toThrow(/ENOENT/);
  });
});

describe("Astro's side: take()", () => {
  it('takes a stored compilation at once', async () => {
    const shared = folder();
    shared.store('k', compiled('stored'));
    await expect(take(shared, 'k')).resolves.toEqual(compiled('stored'));
    // With a receipt, so the build can tell Astro used what it compiled.
    expect(shared.takenCount()).toBe(1);
  });

  it('claims a file nobody claimed and leaves it to Astro, so the build script skips it', async () => {
    const shared = folder();
    await expect(take(shared, 'k')).resolves.toBeUndefined();
    expect(shared.claim('k')).toBe(false);
    expect(shared.takenCount()).toBe(0);
  });

  it('waits for a file the build script is compiling, then takes it', async () => {
    const shared = folder();
    shared.claim('k');
    let settled = false;
    const taken = take(shared, 'k', { intervalMs: 1 }).then((result) => {
      settled = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);
    shared.store('k', compiled('from the build script'));
    await expect(taken).resolves.toEqual(compiled('from the build script'));
    expect(shared.takenCount()).toBe(1);
  });

  it('compiles the file itself when the build script could not', async () => {
    const shared = folder();
    shared.claim('k');
    const taken = take(shared, 'k', { intervalMs: 1 });
    shared.fail('k');
    await expect(taken).resolves.toBeUndefined();
    expect(shared.takenCount()).toBe(0);
  });

  it('stops waiting with a clear error when the build script is gone', async () => {
    const shared = folder();
    shared.claim('k');
    await expect(take(shared, 'k', { intervalMs: 1, abandoned: () => true })).rejects.toThrow(
      'The build script stopped while compiling an MDX file (k). Run npm run build again.',
    );
    // A real key is shortened to its first 12 characters.
    const key = aheadKey('f', '/c/a.mdx', '# A');
    shared.claim(key);
    await expect(take(shared, key, { intervalMs: 1, abandoned: () => true })).rejects.toThrow(
      `The build script stopped while compiling an MDX file (${key.slice(0, 12)}). Run npm run build again.`,
    );
  });

  it('keeps waiting while the build script is still there', async () => {
    const shared = folder();
    shared.claim('k');
    let looks = 0;
    const taken = take(shared, 'k', { intervalMs: 1, abandoned: () => (looks += 1) > 5 });
    await expect(taken).rejects.toThrow('The build script stopped');
    expect(looks).toBe(6);
  });

  it('passes on an unreadable stored file as an error instead of waiting', async () => {
    const shared = folder();
    shared.claim('k');
    writeFileSync(path.join(shared.dir, 'k.json'), '{"code": 1}');
    await expect(take(shared, 'k', { intervalMs: 1 })).rejects.toThrow('is not a compiled MDX file');
  });
});

describe("the build script's side: compileAhead()", () => {
  const files = [
    { file: 'content/guides/a.mdx', source: '---\ntitle: A\n---\n# A' },
    { file: 'content/guides/b.mdx', source: '# B' },
    { file: 'content/guides/c.mdx', source: '# C' },
  ];

  it('compiles every unclaimed file, last first, and stores what Astro will take under the same key', async () => {
    const shared = folder();
    const renderer = recordingRenderer();
    const parse = (code: string) => (code.startsWith('---') ? { frontmatter: { title: 'A' }, content: '\n\n\n# A' } : noFrontmatter(code));
    const count = await compileAhead(files, { folder: shared, renderer, fingerprint: 'f', parseFrontmatter: parse });
    expect(count).toBe(3);
    expect(renderer.calls.map(([, file]) => file)).toEqual(['c', 'b', 'a'].map((name) => path.resolve(`content/guides/${name}.mdx`)));
    expect(renderer.calls[2]).toEqual(['\n\n\n# A', path.resolve('content/guides/a.mdx'), { title: 'A' }]);
    await expect(take(shared, aheadKey('f', path.resolve('content/guides/a.mdx'), files[0]!.source))).resolves.toEqual(
      compiled('compiled: \n\n\n# A'),
    );
  });

  it('skips what Astro claimed first, and leaves a file it cannot compile to Astro', async () => {
    const shared = folder();
    shared.claim(aheadKey('f', path.resolve('content/guides/b.mdx'), '# B'));
    const renderer = recordingRenderer();
    const withBroken = [...files, { file: 'content/guides/d.mdx', source: '# D broken' }];
    const count = await compileAhead(withBroken, { folder: shared, renderer, fingerprint: 'f', parseFrontmatter: noFrontmatter });
    expect(count).toBe(2);
    expect(renderer.calls.map(([content]) => content)).toEqual(['# D broken', '# C', '---\ntitle: A\n---\n# A']);
    // Astro compiles the broken file itself, to report the error at its line.
    await expect(take(shared, aheadKey('f', path.resolve('content/guides/d.mdx'), '# D broken'))).resolves.toBeUndefined();
  });

  it('offers the compiler a copy of the tree the check parsed from the body, and withdraws every offer afterwards', async () => {
    const tree = (text: string): Root => ({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] });
    const trees = new Map([
      ['content/guides/b.mdx', tree('B')],
      ['content/guides/c.mdx', tree('C')],
    ]);
    const seen: (Root | undefined)[] = [];
    // A compiler that takes an offer, as the parser of remark-parsed-ahead does, and changes the tree as plugins do.
    const renderer: MdxRenderer = {
      process(content, filePath) {
        const taken = takeParsedTree(filePath, content);
        if (taken) (taken.children[0] as { children: { value: string }[] }).children[0]!.value = 'changed';
        seen.push(taken);
        return content.includes('broken') ? Promise.reject(new Error('no')) : Promise.resolve(compiled(content));
      },
    };
    const withBroken = [...files, { file: 'content/guides/d.mdx', source: '# D broken' }];
    const offeredFor: string[] = [];
    const parsedTree = (entry: { file: string }) => {
      offeredFor.push(entry.file);
      return entry.file === 'content/guides/d.mdx' ? tree('D') : trees.get(entry.file);
    };
    await compileAhead(withBroken, { folder: folder(), renderer, fingerprint: 'f', parseFrontmatter: noFrontmatter, parsedTree });
    // Each tree is asked for twice: to store it for Astro (in order), then to offer it (last first).
    const names = ['a', 'b', 'c', 'd'].map((name) => `content/guides/${name}.mdx`);
    expect(offeredFor).toEqual([...names, ...[...names].reverse()]);
    expect(seen.map((taken) => taken && (taken.children[0] as { children: { value: string }[] }).children[0]!.value)).toEqual([
      'changed',
      'changed',
      'changed',
      undefined,
    ]);
    // The check's own trees are untouched: the compiler got copies.
    expect(trees.get('content/guides/b.mdx')).toEqual(tree('B'));
    expect(pendingParsedTrees()).toBe(0);
  });

  it('first stores every checked tree for Astro, even of a file Astro has claimed, as it was before any compile', async () => {
    const tree = (text: string): Root => ({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] });
    const shared = folder();
    shared.claim(aheadKey('f', path.resolve('content/guides/b.mdx'), '# B'));
    // A compiler that changes the tree it takes, as plugins do.
    const renderer: MdxRenderer = {
      process(content, filePath) {
        const taken = takeParsedTree(filePath, content);
        if (taken) taken.children = [];
        return Promise.resolve(compiled(content));
      },
    };
    const parse = (code: string) => (code.startsWith('---') ? { frontmatter: { title: 'A' }, content: '\n\n\n# A' } : noFrontmatter(code));
    await compileAhead(files, {
      folder: shared,
      renderer,
      fingerprint: 'f',
      parseFrontmatter: parse,
      parsedTree: (entry) => tree(entry.file),
    });
    for (const entry of files) {
      // Stored under the body the parser is handed (front matter blanked), not the file's source.
      const body = parse(entry.source).content;
      expect(shared.readTree(path.resolve(entry.file), body), entry.file).toEqual(tree(entry.file));
    }
    expect(shared.readTree(path.resolve('content/guides/a.mdx'), files[0]!.source)).toBeUndefined();
  });

  it('leaves a file whose front matter does not parse to Astro, storing no tree for it, and compiles the rest', async () => {
    const shared = folder();
    const renderer = recordingRenderer();
    const parse = (code: string) => {
      if (code.startsWith('---')) throw new Error('bad YAML');
      return noFrontmatter(code);
    };
    const root: Root = { type: 'root', children: [] };
    const count = await compileAhead(files, {
      folder: shared,
      renderer,
      fingerprint: 'f',
      parseFrontmatter: parse,
      parsedTree: () => root,
    });
    expect(count).toBe(2);
    expect(renderer.calls.map(([content]) => content)).toEqual(['# C', '# B']);
    await expect(take(shared, aheadKey('f', path.resolve('content/guides/a.mdx'), files[0]!.source))).resolves.toBeUndefined();
    expect(shared.readTree(path.resolve('content/guides/b.mdx'), '# B')).toEqual(root);
    expect(readdirSync(shared.dir).filter((name) => name.endsWith('.tree.json'))).toHaveLength(2);
  });

  it('leaves no offer behind when the compiler did not take it', async () => {
    const renderer: MdxRenderer = { process: (content) => Promise.resolve(compiled(content)) };
    const root: Root = { type: 'root', children: [] };
    await compileAhead(files, { folder: folder(), renderer, fingerprint: 'f', parseFrontmatter: noFrontmatter, parsedTree: () => root });
    expect(pendingParsedTrees()).toBe(0);
  });
});
