// Runs one benchmark child and returns what it reported on fd 3.
// The child's stdout (the function's JSON log lines) goes to /dev/null
// ('ignore'): a synchronous write to a file, the cheapest place for it, and
// the same for every handler (only ours logs). stderr is inherited so a
// failing child says why.
import { spawn } from 'node:child_process';
import { REPORT_FD } from './protocol';

export function runChild<T>(script: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script], {
      env,
      stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
    });
    const chunks: Buffer[] = [];
    const reportStream = child.stdio[REPORT_FD];
    reportStream?.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString()) as T);
      } catch (err) {
        reject(err);
      }
    });
  });
}
