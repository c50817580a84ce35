import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The built CLI (`node bin/schema-gen.js`) in its own process, as users run it. */
export function startCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<ChildRun>; stderrSoFar: () => string } {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'schema-gen.js'), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', SCHEMA_GEN_FAULT: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // 'close' comes after the process is reaped: a killed child's pid is then really gone.
  const done = new Promise<ChildRun>((settle) => child.on('close', (code, signal) => settle({ code, signal, stdout, stderr })));
  return { child, done, stderrSoFar: () => stderr };
}

export function runCliChild(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ChildRun> {
  return startCli(args, cwd, env).done;
}
