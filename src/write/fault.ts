/**
 * Test-only fault injection, the one seam for it: with `SCHEMA_GEN_FAULT=kill@<n>` the
 * process kills itself (SIGKILL, as `kill -9` would) when a run reaches its n-th fault
 * point; with `fail@<n>` the n-th fault point throws an I/O error instead, as a full or
 * failing disk would. Fault points sit after every step of a write that changes the
 * disk (taking the lock, staging, each journal write, each file switched in or rolled
 * back, the clean-up), so tests can stop a run at every one of them. Unset, it does nothing.
 */
export interface FaultPoints {
  /** Called after each step; `step` names it in the injected error. */
  reached(step: string): void;
}

export function faultPointsFromEnvironment(setting = process.env.SCHEMA_GEN_FAULT): FaultPoints {
  const match = /^(kill|fail)@([1-9][0-9]*)$/.exec(setting ?? '');
  if (!match) return { reached: () => undefined };
  const [, action, at] = match;
  let count = 0;
  return {
    reached(step) {
      if (++count !== Number(at)) return;
      if (action === 'kill') process.kill(process.pid, 'SIGKILL');
      throw Object.assign(new Error(`EIO: injected fault at point ${count} (${step})`), { code: 'EIO', syscall: 'write' });
    },
  };
}
