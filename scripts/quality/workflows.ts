/**
 * GitHub Actions hygiene and the supply chain, checked by `npm test`:
 * - every third-party action pinned to a full commit SHA (a tag can be moved);
 * - every workflow declaring its permissions, granting no write access at the top, and write
 *   access only to the job that deploys to GitHub Pages (pages and id-token, nothing else);
 * - every checkout with `persist-credentials: false` (no token left in .git/config for later
 *   steps, which run code from the pull request);
 * - every job with `timeout-minutes`;
 * - dependencies installed with `npm ci` (exactly the locked versions), never `npm install`;
 * - package.json and package-lock.json agreeing (the lock's root entry declares what package.json
 *   declares, and locks every dependency), so `npm ci` installs what package.json says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { Problem } from '../lib/problems.ts';

/** The action that deploys to GitHub Pages: the one job allowed pages and id-token write. */
const DEPLOY_ACTION = /^actions\/deploy-pages@/;
/** What the deploy job may be granted. */
const DEPLOY_WRITES = new Set(['pages', 'id-token']);

function get(map: unknown, key: string): unknown {
  return isMap(map) ? map.get(key, true) : undefined;
}

/** The permissions a `permissions:` value grants for writing ("write-all" counts as everything). */
function writesIn(permissions: unknown): string[] {
  if (isScalar(permissions)) return permissions.value === 'write-all' ? ['write-all'] : [];
  if (!isMap(permissions)) return [];
  return permissions.items.flatMap((pair) => {
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    return value === 'write' ? [String(isScalar(pair.key) ? pair.key.value : pair.key)] : [];
  });
}

export function checkWorkflows(dir: string): Problem[] {
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter });
    const lineOf = (node: unknown, fallback = 1) => {
      const offset = (node as Node | undefined)?.range?.[0];
      return offset === undefined ? fallback : lineCounter.linePos(offset).line;
    };
    const add = (line: number, rule: string, message: string, fix: string) => problems.push({ file, line, rule, message, fix });
    const root = document.contents;

    const topPermissions = get(root, 'permissions');
    if (topPermissions === undefined) {
      add(
        1,
        'workflow-permissions',
        'The workflow does not declare its permissions.',
        'Add a top-level "permissions:" block granting only what it needs (e.g. contents: read).',
      );
    } else {
      for (const write of writesIn(topPermissions)) {
        add(
          lineOf(topPermissions),
          'workflow-permissions',
          `The workflow grants "${write}: write" to every job.`,
          'Keep the top-level permissions read-only (contents: read) and grant write access on the one job that needs it.',
        );
      }
    }

    const jobs = get(root, 'jobs');
    for (const pair of isMap(jobs) ? jobs.items : []) {
      const jobName = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const job = pair.value as YAMLMap | undefined;
      const jobLine = lineOf(pair.key);
      if (get(job, 'timeout-minutes') === undefined) {
        add(
          jobLine,
          'workflow-timeout',
          `The job "${jobName}" has no timeout-minutes.`,
          'Add "timeout-minutes:" with a little more than the job normally takes, so a hung step does not run for six hours.',
        );
      }
      const steps = get(job, 'steps');
      const stepItems = isSeq(steps) ? steps.items : [];
      const deploys = stepItems.some((step) => {
        const uses = get(step, 'uses');
        return isScalar(uses) && DEPLOY_ACTION.test(String(uses.value));
      });
      for (const write of writesIn(get(job, 'permissions'))) {
        if (deploys && DEPLOY_WRITES.has(write)) continue;
        add(
          lineOf(get(job, 'permissions'), jobLine),
          'workflow-permissions',
          `The job "${jobName}" grants "${write}: write"${deploys ? '' : ' but does not deploy'}.`,
          'Grant write access only where it is used: pages and id-token on the job that runs actions/deploy-pages.',
        );
      }
      for (const step of stepItems) {
        const uses = get(step, 'uses');
        if (isScalar(uses) && String(uses.value).startsWith('actions/checkout@')) {
          const persist = get(get(step, 'with'), 'persist-credentials');
          if (!isScalar(persist) || persist.value !== false) {
            add(
              lineOf(uses),
              'workflow-credentials',
              `A checkout in the job "${jobName}" keeps the GitHub token in .git/config for every later step.`,
              'Add "with: persist-credentials: false" to the checkout (no later step needs to push).',
            );
          }
        }
        const run = get(step, 'run');
        if (isScalar(run) && /\bnpm\s+(install|i|add)\b/.test(String(run.value))) {
          add(
            lineOf(run),
            'workflow-install',
            `The job "${jobName}" installs dependencies with "npm install", which may resolve versions other than the locked ones.`,
            'Use "npm ci": it installs exactly what package-lock.json records, and fails if package.json disagrees with it.',
          );
        }
      }
    }

    text.split('\n').forEach((line, index) => {
      const uses = /^\s*(?:-\s*)?uses:\s*([^\s#]+)/.exec(line)?.[1];
      if (!uses || uses.startsWith('./')) return;
      if (!/@[0-9a-f]{40}$/.test(uses)) {
        add(
          index + 1,
          'workflow-pinning',
          `${uses} is not pinned to a commit SHA.`,
          'Use the full 40-character commit SHA of the release, with the version in a comment (uses: owner/action@<sha> # v1.2.3).',
        );
      }
    });
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

interface PackageJson {
  name?: string;
  version?: string;
  [field: string]: unknown;
}

interface PackageLock {
  name?: string;
  version?: string;
  lockfileVersion?: number;
  packages?: Record<string, PackageJson & { version?: string }>;
}

/**
 * package.json against package-lock.json: the lock's root entry must declare exactly the ranges
 * package.json declares, and every declared dependency must be locked. (`npm ci` refuses a lock
 * that disagrees; this says which entry and how to fix it.)
 */
export function checkLockfile(packageFile: string, lockFile: string): Problem[] {
  const packageText = readFileSync(packageFile, 'utf8');
  const manifest = JSON.parse(packageText) as PackageJson;
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as PackageLock;
  const problems: Problem[] = [];
  const lineOf = (needle: string) => {
    const index = packageText.split('\n').findIndex((line) => line.includes(needle));
    return index === -1 ? 1 : index + 1;
  };
  const relock = 'Run "npm install" once and commit package.json and package-lock.json together.';
  const rootEntry = lock.packages?.[''];
  if (!rootEntry || (lock.lockfileVersion ?? 0) < 2) {
    return [
      {
        file: lockFile,
        line: 1,
        rule: 'lockfile',
        message: 'The lock file has no root package entry (lockfileVersion 2 or later is needed).',
        fix: relock,
      },
    ];
  }
  for (const field of ['name', 'version'] as const) {
    if (manifest[field] !== lock[field]) {
      problems.push({
        file: packageFile,
        line: lineOf(`"${field}"`),
        rule: 'lockfile',
        message: `package.json says ${field} ${JSON.stringify(manifest[field])}, the lock file ${JSON.stringify(lock[field])}.`,
        fix: relock,
      });
    }
  }
  for (const field of DEPENDENCY_FIELDS) {
    const declared = (manifest[field] ?? {}) as Record<string, string>;
    const locked = (rootEntry[field] ?? {}) as Record<string, string>;
    for (const [name, range] of Object.entries(declared)) {
      const line = lineOf(`"${name}"`);
      if (locked[name] === undefined) {
        problems.push({
          file: packageFile,
          line,
          rule: 'lockfile',
          message: `${name} (${field}) is not in the lock file's ${field}.`,
          fix: relock,
        });
      } else if (locked[name] !== range) {
        problems.push({
          file: packageFile,
          line,
          rule: 'lockfile',
          message: `${name} is "${range}" in package.json but "${locked[name]}" in the lock file.`,
          fix: relock,
        });
      } else if (field !== 'peerDependencies' && !lock.packages?.[`node_modules/${name}`]) {
        problems.push({
          file: packageFile,
          line,
          rule: 'lockfile',
          message: `${name} is declared but the lock file records no installed version of it.`,
          fix: relock,
        });
      }
    }
    for (const name of Object.keys(locked)) {
      if (declared[name] === undefined) {
        problems.push({
          file: lockFile,
          line: 1,
          rule: 'lockfile',
          message: `The lock file still lists ${name} in ${field}, but package.json does not.`,
          fix: relock,
        });
      }
    }
  }
  return problems;
}
