import { parseArgs } from 'node:util';
import type { OptionSpec, ParsedArgs } from './command.ts';

/** Parses argv for a command's options; throws a plain `Error` with a user-facing message on bad usage. */
export function parseCommandArgs(argv: readonly string[], options: readonly OptionSpec[]): ParsedArgs {
  const config: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const option of options) {
    config[option.name] = {
      type: option.type,
      ...(option.multiple ? { multiple: true } : {}),
      ...(option.short ? { short: option.short } : {}),
    };
  }
  const { values, positionals } = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true });
  const strings = new Map<string, string>();
  const lists = new Map<string, readonly string[]>();
  const flags = new Set<string>();
  for (const [name, value] of Object.entries(values)) {
    if (value === true) flags.add(name);
    else if (Array.isArray(value)) lists.set(name, value.map(String));
    else if (typeof value === 'string') strings.set(name, value);
  }
  return { positionals, strings, lists, flags };
}
