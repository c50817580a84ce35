// A worker thread of bench/compile-workers.js: imports ajv, acorn and our steps fresh
// (its own module graph), says when it is ready, then compiles its share of the job.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

// Listen first: the job may arrive while the imports below still load.
const job = new Promise((resolve) => parentPort.once('message', resolve));
const { compileShare, threadCpuMs } = await import('./compile-share.js');
parentPort.postMessage({ readyAt: performance.timeOrigin + performance.now(), startupCpuMs: threadCpuMs() });
const { job: work, counter } = await job;
const start = performance.now();
const share = compileShare(work, new Int32Array(counter));
// This thread's CPU from its start (imports included) to its results.
parentPort.postMessage({ ...share, busyMs: performance.now() - start, threadCpuMs: threadCpuMs() });
