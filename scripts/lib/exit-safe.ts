/**
 * Starting a Node process that may end with `process.exit()` (Astro does when a build fails)
 * without waiting on Node's shutdown, which can hang for ever: the main thread waits for V8's
 * background compiler threads while one of them waits for the main thread to collect garbage
 * (nodejs/node#54918, open in Node 24). Seen here in about one failed Astro build in ten on a busy
 * machine; it held a whole CI run until its time limit.
 *
 * The process loads exit-report.ts, which writes its exit code on a fourth pipe once its own code
 * has finished (every 'exit' listener has run, its output is written). The parent then ends it
 * with SIGKILL and takes the reported code. A process that ends without `process.exit()` reports
 * nothing and ends as usual.
 */
import { spawn, type ChildProcess, type StdioNull, type StdioPipe } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** The file descriptor of the report pipe in the child. */
const CHANNEL = 3;

/** The module `--import` loads into the child (exit-report.ts). */
export const EXIT_REPORT_MODULE = fileURLToPath(new URL('exit-report.ts', import.meta.url));

export interface ExitSafeOptions {
  env?: NodeJS.ProcessEnv;
  /** The child's standard input, output and error, as spawn takes them; the report pipe is added. */
  stdio?: [StdioNull | StdioPipe, StdioNull | StdioPipe, StdioNull | StdioPipe];
  /** A session of its own, as spawn's `detached`. */
  detached?: boolean;
}

export interface ExitSafeChild {
  child: ChildProcess;
  /** The code the child gave process.exit(), once reported; undefined when it ended otherwise. */
  reportedCode: () => number | undefined;
}

/**
 * Starts `node <args>` exit-safe: once the child reports the code it gave process.exit(), it is
 * ended with SIGKILL, and `reportedCode()` gives that code.
 */
export function spawnExitSafe(
  args: string[],
  { env = process.env, stdio = ['ignore', 'pipe', 'pipe'], detached = false }: ExitSafeOptions = {},
): ExitSafeChild {
  const child = spawn(process.execPath, ['--import', EXIT_REPORT_MODULE, ...args], {
    env: { ...env, EXIT_REPORT_FD: String(CHANNEL) },
    stdio: [...stdio, 'pipe'],
    detached,
  });
  let reported: number | undefined;
  let text = '';
  const channel = child.stdio?.[CHANNEL] as Readable | null | undefined;
  channel?.setEncoding('utf8');
  channel?.on('data', (chunk: string) => {
    text += chunk;
    const line = /^(-?\d+)\n/.exec(text);
    if (line && reported === undefined) {
      reported = Number(line[1]);
      child.kill('SIGKILL');
    }
  });
  return { child, reportedCode: () => reported };
}

/** Runs `node <args>` exit-safe with this process's input and output; resolves with its exit code. */
export function runExitSafe(args: string[]): Promise<number> {
  const { child, reportedCode } = spawnExitSafe(args, { stdio: ['inherit', 'inherit', 'inherit'] });
  return new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(reportedCode() ?? code ?? (signal ? 1 : 0)));
  });
}

// `node scripts/lib/exit-safe.ts <script> [args…]`: package.json runs `astro check` this way, as it
// ends with process.exit() even when it passes.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('Usage: node scripts/lib/exit-safe.ts <script.js> [arguments…] (runs the script with Node, exit-safe).');
    process.exitCode = 2;
  } else process.exitCode = await runExitSafe(args);
}
