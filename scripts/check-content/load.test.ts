/** Reading content as Astro does: folders, ids, skipped files, front matter and where things start. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, parseContentFile } from './load.ts';

function contentDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'load-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('loadContent', () => {
  it('loads each collection folder, skips "_" and "." files, and keeps files of the wrong type as strays', () => {
    const dir = contentDir({
      'guides/loop/Index.mdx': '---\ntitle: G\n---\nBody',
      'guides/loop/_draft.mdx': '---\ntitle: D\n---\n',
      'guides/_notes/a.mdx': '---\ntitle: N\n---\n',
      'guides/.hidden.mdx': '---\ntitle: H\n---\n',
      'sources/a.yaml': 'title: A\n',
      'sources/b.yml': 'title: B\n',
      'elsewhere/c.mdx': '---\ntitle: C\n---\n',
    });
    const { files, strays } = loadContent(dir);
    const relative = (file: string) => path.relative(path.relative(process.cwd(), dir), file);
    expect(files.map((f) => [f.collection, f.id, relative(f.file)])).toEqual([
      ['guides', 'loop', 'guides/loop/Index.mdx'],
      ['sources', 'a', 'sources/a.yaml'],
    ]);
    expect(strays.map(relative)).toEqual(['sources/b.yml']);
    expect(files[0]!.file).not.toContain('\\');
  });

  it('loads nothing from a folder that does not exist', () => {
    expect(loadContent(path.join(tmpdir(), 'no-such-content-dir'))).toEqual({ files: [], strays: [] });
  });
});

describe('parseContentFile', () => {
  it('splits MDX front matter from the body and says where each starts', () => {
    const file = parseContentFile('guides', 'loop/a.mdx', 'f.mdx', '---\ntitle: T\nlevel: core\n---\n# Body\ntext');
    expect(file).toMatchObject({
      data: { title: 'T', level: 'core' },
      yamlStartLine: 2,
      body: '# Body\ntext',
      bodyStartLine: 5,
      source: '---\ntitle: T\nlevel: core\n---\n# Body\ntext',
    });
    expect(file.parseError).toBeUndefined();
    const crlf = parseContentFile('guides', 'loop/a.mdx', 'f.mdx', '---\r\ntitle: T\r\n---\r\nBody');
    expect(crlf).toMatchObject({ data: { title: 'T' }, body: 'Body', bodyStartLine: 4 });
  });

  it('reads a YAML entry whole, from line 1', () => {
    const file = parseContentFile('sources', 's.yaml', 's.yaml', 'title: T\n');
    expect(file).toMatchObject({ id: 's', data: { title: 'T' }, yamlStartLine: 1, body: '', bodyStartLine: 1 });
  });

  it('reports MDX without front matter at line 1, and a YAML error at its file line with its first line of text', () => {
    const none = parseContentFile('guides', 'loop/a.mdx', 'f.mdx', '# No front matter');
    expect(none).toMatchObject({
      data: {},
      body: '# No front matter',
      bodyStartLine: 1,
      parseError: { line: 1, message: 'The file has no front matter block.' },
    });
    const broken = parseContentFile('guides', 'loop/a.mdx', 'f.mdx', '---\ntitle: T\ntitle: again\n---\n');
    expect(broken.data).toBeUndefined();
    expect(broken.parseError).toEqual({ line: 3, message: 'Map keys must be unique' });
    const yaml = parseContentFile('sources', 's.yaml', 's.yaml', 'a: 1\nb: [\n');
    expect(yaml.parseError!.line).toBe(3);
    expect(yaml.parseError!.message).not.toContain('\n');
  });
});
