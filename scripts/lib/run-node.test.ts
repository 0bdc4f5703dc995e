import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { folderWith } from './folder-with.ts';
import { runNode } from './run-node.ts';

/** Whether a process is still running (a killed one may stay a zombie until something reaps it). */
function alive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

describe('runNode', () => {
  it('returns what the script printed and its exit code, without blocking the worker', async () => {
    const dir = folderWith('run-node-', {
      'script.mjs': 'console.log("out " + process.env.GREETING); console.error("err"); process.exitCode = 3;',
    });
    let ticks = 0;
    const ticking = setInterval(() => (ticks += 1), 1);
    const run = await runNode([path.join(dir, 'script.mjs')], { env: { ...process.env, GREETING: 'hello' } });
    clearInterval(ticking);
    expect(run).toEqual({ status: 3, stdout: 'out hello\n', stderr: 'err\n' });
    // The worker's own timers went on while the script ran (a spawnSync would have held them).
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops a script that never ends, and what it started, when the signal aborts, naming both', async () => {
    // The script starts a child that writes its pid, then both wait for ever.
    const dir = folderWith('run-node-', {
      'child.mjs':
        'import { writeFileSync } from "node:fs"; writeFileSync(process.argv[2], String(process.pid)); setInterval(() => {}, 1000);',
      'script.mjs':
        'import { spawn } from "node:child_process"; console.log("started"); spawn(process.execPath, [new URL("child.mjs", import.meta.url).pathname, process.argv[2]], { stdio: "ignore" }); setInterval(() => {}, 1000);',
    });
    const pidFile = path.join(dir, 'child.pid');
    const controller = new AbortController();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const run = runNode([path.join(dir, 'script.mjs'), pidFile], { signal: controller.signal });
    await vi.waitFor(() => expect(existsSync(pidFile)).toBe(true), { timeout: 600_000, interval: 20 });
    const childPid = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(childPid)).toBe(true);
    controller.abort();
    const error = await run.then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).toContain(`node ${path.join(dir, 'script.mjs')} ${pidFile} was stopped before it ended`);
    expect(error?.message).toContain('child.mjs');
    expect(error?.message).toContain('Its output:\nstarted\n');
    expect(errors).toHaveBeenCalledWith(error?.message);
    errors.mockRestore();
    await vi.waitFor(() => expect(alive(childPid)).toBe(false), { timeout: 600_000, interval: 20 });
  });

  it('does not start a script when the signal has already aborted', async () => {
    const dir = folderWith('run-node-', {
      'script.mjs': 'import { writeFileSync } from "node:fs"; writeFileSync(process.argv[2], "ran");',
    });
    const marker = path.join(dir, 'ran.txt');
    await expect(runNode([path.join(dir, 'script.mjs'), marker], { signal: AbortSignal.abort() })).rejects.toThrow(
      /was stopped before it ended: the test was cancelled before it started/,
    );
    expect(existsSync(marker)).toBe(false);
  });
});
