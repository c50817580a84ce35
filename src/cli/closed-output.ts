let installed = false;

/**
 * `schema-gen --help | head -1`: once the reader has gone, each write to the pipe
 * fails with EPIPE, which Node raises as an 'error' event, and an unhandled one ends
 * the process with a stack trace. Nobody is left to read what we would print, so
 * such writes are dropped; the run itself carries on and exits with its own code
 * (stopping mid-run could interrupt the write stage).
 */
export function ignoreClosedOutput(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}
