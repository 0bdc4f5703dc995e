/**
 * Content collections. The schemas live in src/schemas (shared with the content checker);
 * this file only wires each collection to its folder under the content directory.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { createSchemas } from './schemas/index.ts';
import { contentDir, entryIdFromPath } from './lib/content-paths.ts';
import { withEstimateTokens } from './lib/estimate/loader.ts';
import { loadFigures } from './lib/estimate/load.ts';

const schemas = createSchemas(reference);

/** Files and folders starting with "_" (templates, drafts of notes) are never loaded. */
const IGNORE = '!**/_*';

function folder(name: string, extensions: string) {
  const loader = glob({
    pattern: [`**/*.${extensions}`, IGNORE, `!**/_*/**`],
    base: `${contentDir()}/${name}`,
    generateId: ({ entry }) => entryIdFromPath(entry),
  });
  // Pages with chains may write [[chain.name]] in their front matter: resolved here, once, for every reader.
  return extensions === 'mdx' ? withEstimateTokens(loader, () => loadFigures()) : loader;
}

export const collections = {
  guides: defineCollection({ loader: folder('guides', 'mdx'), schema: schemas.guides }),
  prompts: defineCollection({ loader: folder('prompts', 'mdx'), schema: schemas.prompts }),
  mistakes: defineCollection({ loader: folder('mistakes', 'yaml'), schema: schemas.mistakes }),
  culture: defineCollection({ loader: folder('culture', 'mdx'), schema: schemas.culture }),
  stack: defineCollection({ loader: folder('stack', 'mdx'), schema: schemas.stack }),
  sources: defineCollection({ loader: folder('sources', 'yaml'), schema: schemas.sources }),
  figures: defineCollection({ loader: folder('figures', 'yaml'), schema: schemas.figures }),
};
