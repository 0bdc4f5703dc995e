/**
 * Loaded into a Node process with `--import` (see exit-safe.ts): when the process ends through
 * `process.exit()`, it writes its exit code, on a line, to the file descriptor EXIT_REPORT_FD
 * names, after every 'exit' listener has run and before Node shuts down. Its parent can then end
 * it: Node's shutdown can hang for ever (nodejs/node#54918), and the code is already known.
 */
import { writeSync } from 'node:fs';

const channel = Number(process.env.EXIT_REPORT_FD);
const node = process as NodeJS.Process & { reallyExit(code?: number): never };

if (Number.isInteger(channel) && channel > 2) {
  const reallyExit = node.reallyExit.bind(node);
  // process.exit() calls process.reallyExit once the 'exit' listeners have run.
  node.reallyExit = (code?: number): never => {
    try {
      writeSync(channel, `${code ?? 0}\n`);
    } catch {
      // No channel after all: exit as Node would.
    }
    return reallyExit(code);
  };
}
