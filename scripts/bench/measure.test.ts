/** The benchmark's build timing: the command it runs, what it reads back, and the medians. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCaches, buildCommand, medianRun, parseTimeLine, type BuildRun } from './measure.ts';
import { wholeArgument } from '../bench.ts';

describe('buildCommand', () => {
  it('times scripts/build.ts with /usr/bin/time, and clears nothing for a warm build', () => {
    const command = buildCommand({ timingsFile: '/tmp/t.json', clear: [] });
    expect(command.slice(0, 3)).toEqual(['/usr/bin/time', '-f', 'BENCH %e %U %S %M']);
    expect(command.slice(-3)).toEqual(['scripts/build.ts', '--timings', '/tmp/t.json']);
    expect(command).not.toContain('rm');
  });

  it('takes the lock first, then clears the caches inside it, so a build waiting on the lock cannot refill them', () => {
    const command = buildCommand({ timingsFile: '/tmp/t.json', clear: buildCaches('node_modules/.astro-x'), lock: '/tmp/l.lock' });
    expect(command.slice(0, 4)).toEqual(['flock', '/tmp/l.lock', 'sh', '-c']);
    expect(command[4]).toMatch(/^rm -rf -- "\$\{1\}" "\$\{2\}" && exec "\$\{3\}" .* "\$\{9\}"$/);
    expect(command.slice(6, 8)).toEqual([path.join('node_modules', '.cache', 'netflix-loop-guide'), 'node_modules/.astro-x']);
  });

  it('passes every path as an argument: the shell never reads one as code', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-cmd-'));
    // Enough paths that the timed command's arguments go past $9 (sh reads "$10" as "$1" then "0").
    const odd = [
      path.join(dir, 'a cache $(touch pwned)'),
      path.join(dir, "b'cache"),
      ...['c', 'd', 'e'].map((name) => path.join(dir, name)),
    ];
    for (const folder of odd) {
      mkdirSync(folder);
      writeFileSync(path.join(folder, 'entry'), 'x');
    }
    const command = buildCommand({ timingsFile: 'unused', clear: odd });
    // Run the shell part with the timed command swapped for one (of the same length) that reports.
    const timed = command.slice(4 + odd.length);
    expect(timed).toHaveLength(7);
    const probe = ['sh', '-c', 'echo ran "$1"', 'sh', 'after-clear', 'x', 'x'];
    const result = spawnSync(command[0]!, [...command.slice(1, 4 + odd.length), ...probe], { cwd: dir, encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('ran after-clear');
    for (const folder of odd) expect(existsSync(folder)).toBe(false);
    expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
  });
});

describe('parseTimeLine', () => {
  it('reads wall, CPU (user + system) and peak memory from the line among the build output', () => {
    expect(parseTimeLine('… build output\nBENCH 17.42 21.80 4.30 1664768\n')).toEqual({
      wallSeconds: 17.42,
      cpuSeconds: 26.1,
      peakMemoryMb: 1626,
    });
    expect(parseTimeLine('Command exited with non-zero status 1')).toBeUndefined();
  });
});

describe('medianRun', () => {
  const run = (wall: number, cpu: number, check: number, load: [number, number]): BuildRun => ({
    wallSeconds: wall,
    cpuSeconds: cpu,
    peakMemoryMb: 1000 + wall,
    steps: { 'content check': check },
    load,
  });
  it('takes each figure’s own median, load averages included', () => {
    const figures = medianRun([run(30, 25, 4, [5, 7]), run(18, 22, 1.5, [1, 2]), run(20, 30, 2, [2, 3])]);
    expect(figures).toEqual({ wallSeconds: 20, cpuSeconds: 25, peakMemoryMb: 1020, steps: { 'content check': 2 }, load: [2, 3] });
  });
});

describe('wholeArgument', () => {
  it('reads a whole number after its flag, or the default without it', () => {
    expect(wholeArgument(['--scale', '10'], '--scale', 1, 2, '10')).toBe(10);
    expect(wholeArgument(['--scale', '10', '--runs', '1'], '--runs', 3, 1, '3')).toBe(1);
    expect(wholeArgument([], '--runs', 3, 1, '3')).toBe(3);
  });
  it('refuses a number below the least or a fraction, naming the flag', () => {
    expect(() => wholeArgument(['--runs', '0'], '--runs', 3, 1, '3')).toThrow(
      '--runs takes a whole number of 1 or more, such as --runs 3 (got "0")',
    );
    expect(() => wholeArgument(['--scale', '2.5'], '--scale', 1, 2, '10')).toThrow(/--scale .*got "2.5"/);
    expect(() => wholeArgument(['--scale'], '--scale', 1, 2, '10')).toThrow(/got ""/);
  });
});
