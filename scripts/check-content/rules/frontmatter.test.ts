/** The front-matter rule on entries written here: each kind of problem, its line, message and fix. */
import { describe, expect, it } from 'vitest';
import { contextOf, mdx } from '../test-helpers.ts';
import { allowedKeysAt, checkFrontMatter } from './frontmatter.ts';
import { createSchemas } from '../../../src/schemas/index.ts';
import { z } from 'astro/zod';

const SOURCE = [
  'title: A real title',
  'publisher: Netflix Technology Blog',
  'kind: netflix',
  'url: https://netflixtechblog.com/x',
  'checkedOn: 2026-01-01',
  'usedFor: What the site uses this source for, in one sentence.',
];
const TEMPLATE = 'content/_templates/source.yaml';
const run = async (files: Record<string, string>) =>
  (await checkFrontMatter(contextOf(files))).map(({ file, ...rest }) => ({ file: file.slice(7), ...rest }));

describe('front-matter rule', () => {
  it('accepts a complete entry', async () => {
    expect(await run({ 'sources/ok.yaml': SOURCE.join('\n') })).toEqual([]);
  });

  it('reports a missing field with the schema’s hint, or the template when it has none', async () => {
    expect(
      await run({
        'sources/no-used-for.yaml': SOURCE.filter((l) => !l.startsWith('usedFor')).join('\n'),
        'sources/no-url.yaml': SOURCE.filter((l) => !l.startsWith('url')).join('\n'),
      }),
    ).toEqual([
      {
        file: 'sources/no-used-for.yaml',
        line: 1,
        rule: 'frontmatter-missing',
        message: 'Missing required field "usedFor".',
        fix: `Add "usedFor:" (see the template); ${TEMPLATE} shows every field with a comment.`,
      },
      {
        file: 'sources/no-url.yaml',
        line: 1,
        rule: 'frontmatter-missing',
        message: 'Missing required field "url".',
        fix: `Add "url:" (A Netflix primary source needs a url so readers can check it.); ${TEMPLATE} shows every field with a comment.`,
      },
    ]);
  });

  it('treats an empty file as one with every required field missing', async () => {
    const problems = await run({ 'sources/empty.yaml': '' });
    expect(problems.map((p) => `${p.rule} ${p.message}`)).toEqual(
      ['title', 'publisher', 'kind', 'checkedOn', 'usedFor'].map((field) => `frontmatter-missing Missing required field "${field}".`),
    );
    expect(problems[2]!.fix).toBe(`Add "kind:" (Use one of: netflix, guide, other.); ${TEMPLATE} shows every field with a comment.`);
  });

  it('reports an unknown key with no near match by listing the allowed keys', async () => {
    expect(await run({ 'sources/unknown.yaml': [...SOURCE, 'zzzzzzzz: 1'].join('\n') })).toEqual([
      {
        file: 'sources/unknown.yaml',
        line: 7,
        column: 1,
        rule: 'frontmatter-unknown-key',
        message: 'Unknown key "zzzzzzzz".',
        fix: 'Check the spelling or remove it; the allowed keys are: title, publisher, kind, url, published, checkedOn, usedFor, caveats.',
      },
    ]);
  });

  it('suggests only a key the entry does not already have', async () => {
    const problems = await run({ 'sources/twice.yaml': [...SOURCE, 'titel: Again'].join('\n') });
    expect(problems.map((p) => p.message)).toEqual(['Unknown key "titel".']);
  });

  it('reports an id that is not text, and one with no near entry, as references', async () => {
    const guide = (sources: string) =>
      mdx(['title: A guide page title', 'description: What the page covers, in one sentence or so.', `sources: ${sources}`]);
    const problems = await run({
      'sources/blog-a.yaml': SOURCE.join('\n'),
      'guides/loop/a.mdx': guide('[42]'),
      'guides/loop/b.mdx': guide('[zzzzzz]'),
    });
    const at = (file: string) => problems.filter((p) => p.file === file && p.line === 4).map((p) => [p.rule, p.message, p.fix]);
    expect(at('guides/loop/a.mdx')).toEqual([
      [
        'frontmatter',
        'sources[0]: Write the sources id as text, such as the file name without its extension.',
        `Set "sources[0]" as described, following content/_templates/guide.mdx.`,
      ],
    ]);
    expect(at('guides/loop/b.mdx')).toEqual([
      [
        'reference',
        'sources[0]: There is no sources entry "zzzzzz".',
        'Use the id of an existing file in content/sources/, or add that entry.',
      ],
    ]);
  });

  it('reports a value of the wrong kind at its line, and a file that is not a mapping at all', async () => {
    expect(
      await run({
        'sources/kind.yaml': SOURCE.map((l) => l.replace('kind: netflix', 'kind: 7')).join('\n'),
        'sources/number.yaml': '42',
      }),
    ).toEqual([
      {
        file: 'sources/kind.yaml',
        line: 3,
        column: 1,
        rule: 'frontmatter',
        message: 'kind: 7 is not a valid source kind. Use one of: netflix, guide, other.',
        fix: `Set "kind" as described, following ${TEMPLATE}.`,
      },
      {
        file: 'sources/number.yaml',
        line: 1,
        column: 1,
        rule: 'frontmatter',
        message: 'Invalid input: expected object, received number',
        fix: `Set "the field" as described, following ${TEMPLATE}.`,
      },
    ]);
  });

  it('reports YAML that does not parse, with the template to compare against', async () => {
    expect(await run({ 'guides/loop/g.mdx': mdx(['title: T', 'title: U']), 'sources/syntax.yaml': 'title: [\n' })).toEqual([
      {
        file: 'guides/loop/g.mdx',
        line: 3,
        rule: 'frontmatter-syntax',
        message: 'The front matter is not valid YAML: Map keys must be unique',
        fix: 'Compare it with content/_templates/guide.mdx; check indentation and quote text containing ": ".',
      },
      {
        file: 'sources/syntax.yaml',
        line: 2,
        rule: 'frontmatter-syntax',
        message: 'The front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
        fix: `Compare it with ${TEMPLATE}; check indentation and quote text containing ": ".`,
      },
    ]);
  });
});

describe('allowedKeysAt', () => {
  const schemas = createSchemas(() => z.string());

  it('reads the keys of an object through optional, array and refine wrappers', () => {
    expect(allowedKeysAt(schemas.sources, [])).toEqual([
      'title',
      'publisher',
      'kind',
      'url',
      'published',
      'checkedOn',
      'usedFor',
      'caveats',
    ]);
    expect(allowedKeysAt(schemas.prompts, ['answer'])).toEqual(expect.arrayContaining(['scoping', 'estimation']));
    expect(allowedKeysAt(z.object({ list: z.array(z.object({ a: z.string() })).optional() }), ['list', 0])).toEqual(['a']);
    expect(allowedKeysAt(z.object({ a: z.string().transform((s) => s.length) }), [])).toEqual(['a']);
    expect(allowedKeysAt(z.object({ a: z.object({ b: z.string() }).default({ b: '' }) }), ['a'])).toEqual(['b']);
  });

  it('gives nothing where the path leaves the objects', () => {
    expect(allowedKeysAt(schemas.sources, ['title'])).toBeUndefined();
    expect(allowedKeysAt(schemas.sources, [0])).toBeUndefined();
    expect(allowedKeysAt(z.object({ list: z.array(z.object({ a: z.string() })) }), ['list', 'a'])).toBeUndefined();
    expect(
      allowedKeysAt(
        z.object({ a: z.string() }).transform((o) => o.a),
        [],
      ),
    ).toEqual(['a']);
    expect(allowedKeysAt(z.string(), [])).toBeUndefined();
  });

  it("follows only an object's shape by key, an array's element by index, and the wrappers it knows", () => {
    const object = { def: { type: 'object', shape: { a: {} } } };
    expect(allowedKeysAt(object, [])).toEqual(['a']);
    expect(allowedKeysAt(undefined, [])).toBeUndefined();
    expect(allowedKeysAt({}, [])).toBeUndefined();
    expect(allowedKeysAt({}, ['a'])).toBeUndefined();
    expect(allowedKeysAt({ def: { type: 'object' } }, [])).toBeUndefined();
    expect(allowedKeysAt({ def: { type: 'object' } }, ['a'])).toBeUndefined();
    // An inner schema or an input is followed only through a wrapper or a pipe.
    expect(allowedKeysAt({ def: { type: 'lazy', innerType: object } }, [])).toBeUndefined();
    expect(allowedKeysAt({ def: { type: 'lazy', in: object } }, [])).toBeUndefined();
    expect(allowedKeysAt({ def: { type: 'optional' } }, [])).toBeUndefined();
    expect(allowedKeysAt({ def: { type: 'pipe' } }, [])).toBeUndefined();
    expect(allowedKeysAt({ def: { type: 'optional', innerType: { def: { type: 'pipe', in: object } } } }, [])).toEqual(['a']);
    // A shape is read on an object only, an element on an array only.
    expect(allowedKeysAt({ def: { type: 'array', shape: { x: object } } }, ['x'])).toBeUndefined();
    expect(allowedKeysAt({ def: { type: 'array', shape: { a: {} } } }, [])).toBeUndefined();
    expect(allowedKeysAt({ def: { type: 'object', shape: { 0: object } } }, [0])).toBeUndefined();
    expect(allowedKeysAt({ def: { type: 'object', element: object } }, [0])).toBeUndefined();
    expect(allowedKeysAt({ def: { type: 'array', element: object } }, [0])).toEqual(['a']);
  });
});
