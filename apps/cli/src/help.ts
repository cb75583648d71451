import { allOptions } from './args.ts';
import type { Command } from './command.ts';

/** The text of `odot --help`: every command with its summary. */
export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'odot: the algebra of the Hadamard (element-wise, Schur) product',
    '',
    'Usage: odot <command> [options]',
    '       odot --version',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `odot <command> --help` for the options of one command.',
    'Exit codes: 0 success, 1 "no" (not equivalent, not psd, a failed step), 2 input error, 3 unknown.',
  ].join('\n');
}

/** The text of `odot NAME --help`: usage, options and details. */
export function commandHelp(command: Command): string {
  const rows = allOptions(command.options).map((o) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    return [flag, `${o.description}${o.multiple ? ' (repeatable)' : ''}`] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `Usage: odot ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    ...(command.details ? ['', command.details] : []),
  ].join('\n');
}
