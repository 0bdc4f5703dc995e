import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith } from './folder-with.ts';
import { EXIT_REPORT_MODULE, spawnExitSafe } from './exit-safe.ts';
import { runNode } from './run-node.ts';

/** Runs a script exit-safe; resolves with the code the parent takes, how it ended, and its output. */
function runExitSafe(source: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  const dir = folderWith('exit-safe-', { 'script.mjs': source });
  const { child, reportedCode: reported } = spawnExitSafe([path.join(dir, 'script.mjs')]);
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code: reported() ?? code, signal, stdout })));
}

describe('exit-safe Node processes', () => {
  it('take the code a script gives process.exit(), with all its output, once its exit listeners have run', async () => {
    const run = await runExitSafe(
      'process.on("exit", () => console.log("exit listener ran")); console.log("working"); process.exitCode = 3; process.exit(7);',
    );
    expect(run).toEqual({ code: 7, signal: 'SIGKILL', stdout: 'working\nexit listener ran\n' });
  });

  it('end a script that reported its code but whose shutdown never ends (the hang in nodejs/node#54918)', async () => {
    // The report, then a wait for ever, as a process stuck in Node's shutdown looks to its parent.
    const run = await runExitSafe('import { writeSync } from "node:fs"; writeSync(3, "4\\n"); setInterval(() => {}, 1000);');
    expect(run).toEqual({ code: 4, signal: 'SIGKILL', stdout: '' });
  });

  it('leave a script that ends without process.exit() to end as usual, with its own code', async () => {
    const run = await runExitSafe('console.log("done"); process.exitCode = 2;');
    expect(run).toEqual({ code: 2, signal: null, stdout: 'done\n' });
  });

  it('report nothing where no report pipe was asked for', async () => {
    const dir = folderWith('exit-safe-', { 'script.mjs': 'process.exit(5);' });
    // The exit report loaded, but no EXIT_REPORT_FD: the process exits as Node would.
    const child = spawn(process.execPath, ['--import', EXIT_REPORT_MODULE, path.join(dir, 'script.mjs')], {
      env: { ...process.env, EXIT_REPORT_FD: '' },
      stdio: 'ignore',
    });
    const ended = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (...end) => resolve(end)));
    expect(ended).toEqual([5, null]);
  });

  it('run from the command line: `node scripts/lib/exit-safe.ts <script>` passes on the output and the exit code', async () => {
    const dir = folderWith('exit-safe-', { 'script.mjs': 'console.log("checked " + process.argv[2]); process.exit(6);' });
    const run = await runNode(['scripts/lib/exit-safe.ts', path.join(dir, 'script.mjs'), 'types']);
    expect(run).toEqual({ status: 6, stdout: 'checked types\n', stderr: '' });
    const usage = await runNode(['scripts/lib/exit-safe.ts']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: node scripts/lib/exit-safe.ts <script.js>');
  });
});
