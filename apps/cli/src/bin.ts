#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { main } from './main.ts';

/**
 * A reader that closed the pipe (`odot … | head -1`) has all it wants: end quietly with exit 0,
 * as `cat` and `grep` do, rather than with an EPIPE stack trace. Other stream errors still throw.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

endQuietlyOnClosedPipe(process.stdout);
endQuietlyOnClosedPipe(process.stderr);

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => readFileSync(0, 'utf8'),
  isTTY: process.stderr.isTTY ?? false, // undefined when stderr is not a terminal, whatever @types/node says
  cwd: process.cwd(),
});
process.exitCode = code;
