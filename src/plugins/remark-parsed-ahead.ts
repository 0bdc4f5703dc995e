/**
 * First of the remark plugins: lets the MDX compiler take a tree the build script's content check
 * already parsed from the same text (src/lib/parsed-ahead.ts) instead of parsing it again. Any
 * other text is parsed by remark-parse as before, so the compiled page is the same either way
 * (src/lib/parsed-ahead.test.ts compiles every content page both ways and compares).
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { takeParsedTree } from '../lib/parsed-ahead.ts';

type Parser = (document: string, file: VFile) => Root;

export default function remarkParsedAhead(this: Processor) {
  const self = this as unknown as { parser?: Parser };
  const parse = self.parser;
  if (typeof parse !== 'function')
    throw new Error(
      'remark-parsed-ahead wraps the Markdown parser: list it after remark-parse (among remarkPlugins, which come after it).',
    );
  self.parser = (document, file) => (file.path ? takeParsedTree(file.path, document) : undefined) ?? parse(document, file);
}
