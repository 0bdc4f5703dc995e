/**
 * Test scaffolding: runs a Node script (a build, a checker) in a child process without blocking
 * the test worker. A `spawnSync` holds the worker until the child ends, so a build that never
 * ends holds the whole test run with it, and no test budget can fire. Here the budget fires, the
 * test's `signal` stops the script and everything it started, and the failure shows what the
 * script had printed and which of its processes were still running.
 */
import { execFileSync } from 'node:child_process';
import { spawnExitSafe } from './exit-safe.ts';

export interface NodeRun {
  /** The exit code, or null when a signal ended the script. */
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunNodeOptions {
  env?: NodeJS.ProcessEnv;
  /** Stops the script and its children when aborted (Vitest's test context `signal`). */
  signal?: AbortSignal;
}

/** The processes of a session (the script and whatever it started), one line each, for a failure message. */
function sessionProcesses(sessionId: number): string {
  try {
    return execFileSync('ps', ['-o', 'pid,ppid,stat,etimes,args', '-s', String(sessionId)], { encoding: 'utf8' });
  } catch (error) {
    return `(ps could not list them: ${(error as Error).message})`;
  }
}

/** Runs `node <args>`; resolves when it ends, rejects (after stopping it) if `signal` aborts first. */
export function runNode(args: string[], { env, signal }: RunNodeOptions = {}): Promise<NodeRun> {
  if (signal?.aborted)
    return Promise.reject(new Error(`node ${args.join(' ')} was stopped before it ended: the test was cancelled before it started.`));
  return new Promise((resolve, reject) => {
    // A session of its own, so a stop reaches the script's children (Astro, the checkers) too.
    // Exit-safe: a script that ends with process.exit() cannot hang in Node's shutdown (exit-safe.ts).
    const { child, reportedCode } = spawnExitSafe(args, { env, detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const stop = () => {
      const running = child.pid === undefined ? '' : sessionProcesses(child.pid);
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      const message = `node ${args.join(' ')} was stopped before it ended (the test's budget ran out or the run was cancelled).\nStill running:\n${running}\nIts output:\n${stdout}\n${stderr}`;
      // Printed as well: Vitest reports a timed-out test by its budget, not by this error.
      console.error(message);
      reject(new Error(message));
    };
    signal?.addEventListener('abort', stop, { once: true });
    child.on('error', (error) => {
      signal?.removeEventListener('abort', stop);
      reject(error);
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', stop);
      resolve({ status: reportedCode() ?? code, stdout, stderr });
    });
  });
}
