/**
 * The service worker in two steps (scripts/build-sw.ts): its code bundled from the configuration
 * alone (prepareServiceWorker), then finished on the built site (finishServiceWorker). The
 * finished sw.js is byte for byte what workbox-build's generateSW writes for the same site in
 * one go, with file names terser must quote and escape, with one file and with hundreds; the
 * precache list holds the plan's shell with Workbox's revisions; a placeholder that is not found
 * exactly once stops the step with the fix.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith } from './lib/folder-with.ts';
import { generateSW } from 'workbox-build';
import {
  MAX_PRECACHE_FILE_BYTES,
  PRECACHE_SENTINEL,
  STORE_SCRIPT,
  assertBundledLikeGenerateSW,
  buildServiceWorker,
  finishServiceWorker,
  fromWorkbox,
  manifestOptions,
  onlyChunk,
  precacheListCode,
  prepareServiceWorker,
  splitAtPlaceholder,
  workerOptions,
  type PreparedServiceWorker,
} from './build-sw.ts';

const B = '/b/';

const site = (files: Record<string, string>): string => folderWith('sw-split-', files);

const page = (title: string, scripts: string[] = ['_astro/site.js']) =>
  `<!DOCTYPE html><title>${title}</title><link rel="stylesheet" href="${B}_astro/site.css">${scripts
    .map((src) => `<script type="module" src="${B}${src}"></script>`)
    .join('')}`;

/** A small site whose shell holds names terser must quote or escape (', ", é, a line separator) in both kinds of entry. */
function awkwardSite(): string {
  return site({
    'index.html': page('Home', ['_astro/site.js', "_astro/café's.js"]),
    '404.html': page('Not found'),
    'offline/index.html': page('Offline'),
    'loop/index.html': page('Loop'),
    '_astro/site.css': 'body{}',
    '_astro/site.js': 'import"./chunk.js";',
    '_astro/chunk.js': 'export const a=1;',
    "_astro/café's.js": 'export const c=1;',
    'styles/say "hi".css': 'p{}',
    "styles/it's.css": 'a{}',
    'styles/line\u2028separator.css': 'b{}',
    'icons/sprite.svg': '<svg></svg>',
  });
}

/** The smallest site: the offline page alone. */
const oneFileSite = () => site({ 'offline/index.html': '<!DOCTYPE html><title>Offline</title>' });

/** A site with hundreds of shell files. */
function largeSite(): string {
  const files: Record<string, string> = { 'index.html': page('Home'), 'offline/index.html': page('Offline') };
  files['_astro/site.css'] = 'body{}';
  files['_astro/site.js'] = 'export{};';
  for (let n = 0; n < 400; n += 1) files[`styles/part-${n}.css`] = `.p${n}{color:red}`;
  return site(files);
}

/** What generateSW writes for the site in one go, as the build did before it was split: the same options, one call. */
async function generateSWInOneGo(
  dir: string,
  shell: readonly string[],
): Promise<{ sw: Buffer; count: number; size: number; warnings: string[] }> {
  // Without the globIgnores the split step adds: generateSW leaves sw.js out itself.
  const { globIgnores: _, ...manifest } = manifestOptions(dir, shell, B, MAX_PRECACHE_FILE_BYTES);
  const swDest = path.join(dir, 'sw.js');
  const result = await generateSW({ ...manifest, ...workerOptions(B), swDest });
  return { sw: readFileSync(swDest), count: result.count, size: result.size, warnings: result.warnings };
}

/**
 * The worker's code, bundled afresh inside each test that reads it (about a second), not once for
 * the file: mutation testing then credits the bundling to the tests that compare its bytes.
 */
const prepare = (): Promise<PreparedServiceWorker> => prepareServiceWorker(B);

describe('the service worker in two steps', () => {
  it.each([
    ['names terser quotes and escapes', awkwardSite],
    ['one file', oneFileSite],
    ['hundreds of files', largeSite],
  ])('writes the same sw.js as generateSW in one go: %s', async (_name, make) => {
    const dir = make();
    const split = await finishServiceWorker(dir, B, await prepare());
    const written = readFileSync(path.join(dir, 'sw.js'));
    const whole = await generateSWInOneGo(dir, split.plan.shell);
    expect(written.equals(whole.sw), 'sw.js differs from generateSW’s').toBe(true);
    expect({ count: split.count, size: split.size, warnings: split.warnings }).toEqual({
      count: whole.count,
      size: whole.size,
      warnings: whole.warnings,
    });
    expect(split.filePaths).toEqual([path.resolve(dir, 'sw.js')]);
  });

  it('bundles the code for its base path alone, compressed, not yet mangled, with the placeholder list cut out', async () => {
    const prepared = await prepare();
    expect(prepared.base).toBe(B);
    const code = `${prepared.before}${prepared.after}`;
    expect(code).not.toContain(PRECACHE_SENTINEL);
    expect(code).toContain(`importScripts("${STORE_SCRIPT}")`);
    expect(code).toContain(`"${B}offline/index.html"`);
    // Workbox's own names are still there for the mangler to shorten once the list is in.
    expect(code).toContain('getOrCreatePrecacheController().precache(');
    // The list goes where Workbox's precache call takes its argument.
    expect(prepared.before).toMatch(/\($/);
    expect(prepared.after).toMatch(/^\),/);
  });

  it('precaches the shell: hashed files without a revision, the rest with the MD5 Workbox gives, and counts their bytes', async () => {
    const dir = awkwardSite();
    const result = await finishServiceWorker(dir, B, { base: B, before: 'precache(', after: ');' });
    const md5 = (file: string) =>
      createHash('md5')
        .update(readFileSync(path.join(dir, file)))
        .digest('hex');
    const entries = result.plan.shell.map((file) => ({ url: `${B}${file}`, revision: file.startsWith('_astro/') ? null : md5(file) }));
    expect(result.plan.shell).toContain('styles/say "hi".css');
    expect(result.plan.shell).toContain("_astro/café's.js");
    // Mangled, the stand-in code keeps its global name: only the list is new.
    expect(readFileSync(path.join(dir, 'sw.js'), 'utf8')).toBe(`precache(${await precacheListCode(entries)});\n`);
    expect(result.count).toBe(result.plan.shell.length);
    expect(result.size).toBe(result.plan.shell.reduce((sum, file) => sum + readFileSync(path.join(dir, file)).length, 0));
    expect(result.warnings).toEqual([]);
  });

  it('prints the list as terser does: bare keys, double quotes unless the text holds more of them, escapes', async () => {
    expect(
      await precacheListCode([
        { url: '/b/a.js', revision: null },
        { url: '/b/say "hi".css', revision: '0f' },
        { url: "/b/it's\u2028</script>", revision: 'é' },
      ]),
    ).toBe(`[{url:"/b/a.js",revision:null},{url:'/b/say "hi".css',revision:"0f"},{url:"/b/it's\\u2028<\\/script>",revision:"é"}]`);
  });

  it('refuses code bundled for another base path, naming both', async () => {
    await expect(finishServiceWorker(oneFileSite(), B, { ...(await prepare()), base: '/other/' })).rejects.toThrow(
      "The service worker's code was bundled for the base path /other/, not /b/: prepare it with prepareServiceWorker('/b/').",
    );
  });

  it('fails with the bundling’s error, once the site is planned, and a plan error first leaves no unhandled failure', async () => {
    const dir = oneFileSite();
    await expect(finishServiceWorker(dir, B, Promise.reject(new Error('rollup broke')))).rejects.toThrow('rollup broke');
    // The site's own files were written before the code was awaited.
    expect(JSON.parse(readFileSync(path.join(dir, 'offline-manifest.json'), 'utf8'))).toEqual({ version: 1, sections: [], assets: {} });
    // No offline page: the plan fails first; the bundling's later failure is handled (vitest fails on an unhandled rejection).
    const late = new Promise<PreparedServiceWorker>((_resolve, reject) => setTimeout(() => reject(new Error('late')), 5));
    await expect(finishServiceWorker(site({ 'index.html': '' }), B, late)).rejects.toThrow('the service worker needs the offline page');
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('keeps buildServiceWorker(outDir, base, options) whole: both steps, the options honored', async () => {
    const dir = awkwardSite();
    await buildServiceWorker(dir, B);
    const whole = readFileSync(path.join(dir, 'sw.js'));
    await finishServiceWorker(dir, B, await prepare());
    expect(whole.equals(readFileSync(path.join(dir, 'sw.js')))).toBe(true);
    await expect(buildServiceWorker(dir, B, { maxFileBytes: 4 })).rejects.toThrow('The offline cache takes files up to 0.00 MB');
  }, 60_000);
});

describe('splitAtPlaceholder', () => {
  const list = `[{url:"${PRECACHE_SENTINEL}",revision:null}]`;

  it('cuts the code around the one placeholder list', () => {
    expect(splitAtPlaceholder(`a(${list}),b`, list)).toEqual({ before: 'a(', after: '),b' });
  });

  it('fails, saying how often it found the list and what to do, when it is missing or repeated', () => {
    expect(() => splitAtPlaceholder(`a([{url:'${PRECACHE_SENTINEL}',revision:null}])`, list)).toThrow(
      `The bundled service worker holds the placeholder precache list ${list} 0 times, not once: workbox-build or terser now prints the precache list differently. Make prepareServiceWorker in scripts/build-sw.ts find the list as it is printed now (scripts/build-sw-split.test.ts compares the result with generateSW's own sw.js), or keep workbox-build and terser at the versions in package-lock.json.`,
    );
    expect(() => splitAtPlaceholder(`${list}${list}`, list)).toThrow(`${list} 2 times, not once`);
  });

  it('is what prepareServiceWorker finds: the placeholder as terser prints it', async () => {
    expect(await precacheListCode([{ url: PRECACHE_SENTINEL, revision: null }])).toBe(list);
  });
});

describe('fromWorkbox', () => {
  it('loads what workbox-build bundles with, and names the fix when a part of it has moved', () => {
    expect(typeof (fromWorkbox('./lib/populate-sw-template.js') as { populateSWTemplate: unknown }).populateSWTemplate).toBe('function');
    expect(() => fromWorkbox('./lib/moved-away.js')).toThrow(
      "workbox-build no longer has ./lib/moved-away.js (Cannot find module './lib/moved-away.js'): make prepareServiceWorker in scripts/build-sw.ts bundle as workbox-build/build/lib/bundle.js now does, or keep workbox-build at the version in package-lock.json.",
    );
  });
});

describe('what prepareServiceWorker bundles', () => {
  it('is only the case it bundles as generateSW does: production, runtime inlined, no source map', () => {
    const good = { mode: 'production', inlineWorkboxRuntime: true, sourcemap: false };
    expect(() => assertBundledLikeGenerateSW(good)).not.toThrow();
    for (const other of [{ mode: 'development' }, { inlineWorkboxRuntime: false }, { sourcemap: true }, { mode: undefined }]) {
      expect(() => assertBundledLikeGenerateSW({ ...good, ...other }), JSON.stringify(other)).toThrow(
        'bundles as generateSW does for mode "production", inlineWorkboxRuntime and no source map only',
      );
    }
  });

  it('is one file of code: none, an empty one or a second one fails, saying how many', () => {
    expect(onlyChunk([{ code: 'self.x=1;' }])).toBe('self.x=1;');
    expect(() => onlyChunk([])).toThrow('rollup bundled the service worker into 0 files, not one');
    expect(() => onlyChunk([{ code: '' }])).toThrow('into 1 files, not one');
    expect(() => onlyChunk([{}])).toThrow('into 1 files, not one');
    expect(() => onlyChunk([{ code: 'a' }, { code: 'b' }])).toThrow('into 2 files, not one: keep inlineWorkboxRuntime');
  });
});
