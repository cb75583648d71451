import { parseArgs } from 'node:util';
import { closest, fail, odotError, ok, type Result } from '@odot/core';
import type { OptionSpec, ParsedArgs } from './command.ts';

/** Options every command takes: `--help` and `--json`. */
const COMMON: readonly OptionSpec[] = [
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
  { name: 'json', type: 'boolean', description: 'print JSON (errors too)' },
];

/** A command's options with the common ones, each once. */
export function allOptions(options: readonly OptionSpec[]): OptionSpec[] {
  return [...options, ...COMMON.filter((c) => !options.some((o) => o.name === c.name))];
}

/** `did you mean '--json'?` for the closest spellings among `candidates`, or undefined. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const near = closest(word, candidates);
  return near.length === 0 ? undefined : `did you mean ${near.map((c) => `'${c}'`).join(' or ')}?`;
}

/** Node's parseArgs error as a one-line diagnostic, with "did you mean" for an unknown option. */
function usageError(error: Error & { code?: string }, options: readonly OptionSpec[]): ReturnType<typeof odotError> {
  const flags = options.flatMap((o) => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])]);
  const unknown = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown !== undefined) {
    const name = unknown.split('=')[0] ?? unknown;
    // A one-letter option is too short to guess from; a long one gets the nearest long options.
    const hint = name.startsWith('--') ? didYouMean(name, flags.filter((f) => f.startsWith('--'))) : undefined;
    return odotError('unknown-option', `unknown option '${name}'${hint ? ` (${hint})` : ''}`, { hints: [hint ?? `the options are ${flags.filter((f) => f.startsWith('--')).join(', ')}`] });
  }
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(error.message)?.[1];
  if (missing !== undefined) return odotError('missing-value', `option '${missing}' needs a value`);
  const extra = /^Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(error.message)?.[1];
  if (extra !== undefined) return odotError('unexpected-value', `option '${extra}' takes no value`);
  return odotError('bad-usage', (error.message.split('. ')[0] ?? error.message).replace(/^\w/, (c) => c.toLowerCase()));
}

/** Parses argv for a command's options (plus `--help` and `--json`); bad usage is a one-line diagnostic. */
export function parseCommandArgs(argv: readonly string[], options: readonly OptionSpec[]): Result<ParsedArgs> {
  const all = allOptions(options);
  const config: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const option of all) {
    config[option.name] = {
      type: option.type,
      ...(option.multiple ? { multiple: true } : {}),
      ...(option.short ? { short: option.short } : {}),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true });
  } catch (error) {
    if (error instanceof TypeError && typeof (error as { code?: unknown }).code === 'string') return fail(usageError(error, all));
    throw error;
  }
  const strings = new Map<string, string>();
  const lists = new Map<string, readonly string[]>();
  const flags = new Set<string>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === true) flags.add(name);
    else if (Array.isArray(value)) lists.set(name, value.map(String));
    else if (typeof value === 'string') strings.set(name, value);
  }
  return ok({ positionals: parsed.positionals, strings, lists, flags });
}
