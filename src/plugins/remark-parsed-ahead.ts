/**
 * First of the remark plugins: lets the MDX compiler take a tree the build script's content check
 * already parsed from the same text instead of parsing it again: offered in the same process
 * (src/lib/parsed-ahead.ts), or, in `astro build` under `npm run build`, stored in the folder the
 * two processes share (src/lib/mdx-ahead.ts, AheadFolder.storeTree). Any other text is parsed by
 * remark-parse as before, so the compiled page is the same either way
 * (scripts/lib/mdx-renderer.test.ts compiles content pages both ways and compares).
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { takeParsedTree } from '../lib/parsed-ahead.ts';
import { AHEAD_VARIABLE, AheadFolder } from '../lib/mdx-ahead.ts';

type Parser = (document: string, file: VFile) => Root;

export default function remarkParsedAhead(this: Processor) {
  const self = this as unknown as { parser?: Parser };
  const parse = self.parser;
  if (typeof parse !== 'function')
    throw new Error(
      'remark-parsed-ahead wraps the Markdown parser: list it after remark-parse (among remarkPlugins, which come after it).',
    );
  const dir = process.env[AHEAD_VARIABLE];
  const shared = dir ? new AheadFolder(dir) : undefined;
  self.parser = (document, file) =>
    (file.path ? (takeParsedTree(file.path, document) ?? shared?.readTree(file.path, document)) : undefined) ?? parse(document, file);
}
