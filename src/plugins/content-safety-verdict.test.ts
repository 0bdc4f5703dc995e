/**
 * The content-safety plugin under `npm run build`, where the content check runs beside Astro and
 * hands over a verdict (src/lib/content-verdict.ts): the plugin holds every .mdx file until the
 * verdict exists, skips parsing only the exact bytes the check passed, and checks anything else
 * itself. The handler is called as Vite calls it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import contentSafety, { ContentSafetyError } from './content-safety.ts';
import { VERDICT_VARIABLE, verdictFor, writeVerdict } from '../lib/content-verdict.ts';

type Handler = (code: string, id: string) => Promise<null>;
const handlerOf = (env: NodeJS.ProcessEnv) => (contentSafety(env).transform as unknown as { handler: Handler }).handler;

const SAFE = '# Loop\n\nPlain text.\n';
const UNSAFE = '# Loop\n\n{process.exit(1)}\n';

function setUp() {
  const dir = mkdtempSync(path.join(tmpdir(), 'plugin-verdict-'));
  const verdictFile = path.join(dir, 'verdict.json');
  const page = path.join(dir, 'content', 'guides', 'loop', 'index.mdx');
  return { dir, verdictFile, page, transform: handlerOf({ [VERDICT_VARIABLE]: verdictFile }) };
}

describe('the content-safety plugin with the content check beside it', () => {
  it('compiles nothing until the verdict exists', async () => {
    const { dir, verdictFile, page, transform } = setUp();
    let settled = false;
    const transformed = transform(SAFE, page).then((result) => {
      settled = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    writeVerdict(verdictFile, verdictFor(dir, [{ file: page, source: SAFE }]));
    await expect(transformed).resolves.toBeNull();
  });

  it('checks a file itself when its bytes are not the ones the check passed', async () => {
    const { dir, verdictFile, page, transform } = setUp();
    writeVerdict(verdictFile, verdictFor(dir, [{ file: page, source: SAFE }]));
    // The file changed after the check read it.
    const changed = transform(UNSAFE, page);
    await expect(changed).rejects.toBeInstanceOf(ContentSafetyError);
    await expect(transform(UNSAFE, page)).rejects.toThrow('[mdx-expression]');
    // A file the check never saw (outside the content folder).
    await expect(transform(UNSAFE, path.join(dir, 'src', 'pages', 'other.mdx'))).rejects.toThrow('[mdx-expression]');
  });

  it('does not parse again the exact bytes the check passed', async () => {
    const { dir, verdictFile, page, transform } = setUp();
    // Recorded as passed: only the check's verdict can say so (the build writes it after a clean
    // check), so the plugin trusts it instead of parsing the file a second time.
    writeVerdict(verdictFile, verdictFor(dir, [{ file: page, source: UNSAFE }]));
    await expect(transform(UNSAFE, `${page}?astroPropagatedAssets`)).resolves.toBeNull();
  });

  it('without a verdict to wait for (astro dev, astro build alone), checks every file itself', async () => {
    const transform = handlerOf({});
    await expect(transform(SAFE, '/site/content/a.mdx')).resolves.toBeNull();
    await expect(transform(UNSAFE, '/site/content/a.mdx')).rejects.toThrow('[mdx-expression]');
  });
});
