import { assertNever } from '@odot/core';
import { allOptions } from '../args.ts';
import { EXIT, type Command, type OptionSpec } from '../command.ts';
import { InputError, withInputErrors } from '../input.ts';
import { loadCommands } from './index.ts';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** What the scripts complete: every command with its options (whose `choices` include `--law`'s law names). */
interface Catalogue {
  readonly commands: readonly Command[];
}

function words(list: readonly string[]): string {
  return list.join(' ');
}

/** `case` arms mapping an option that takes a fixed list of values to that list (`--law` to the law names). */
function valueArms(catalogue: Catalogue, indent: string, render: (flag: string, values: string) => string): string[] {
  const seen = new Map<string, readonly string[]>();
  for (const command of catalogue.commands) {
    for (const option of command.options) if (option.choices && !seen.has(option.name)) seen.set(option.name, option.choices);
  }
  return [...seen].map(([name, values]) => `${indent}${render(`--${name}`, words(values))}`);
}

function flagsOf(command: Command): string[] {
  return allOptions(command.options).flatMap((o) => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])]);
}

function bash(catalogue: Catalogue): string {
  const names = words(catalogue.commands.map((c) => c.name));
  return [
    '# odot completion for bash: eval "$(odot completion bash)" (e.g. in ~/.bashrc)',
    '_odot() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" opts=""',
    '  if [ "$COMP_CWORD" -eq 1 ]; then',
    `    COMPREPLY=($(compgen -W "${names} --help --version" -- "$cur")); return`,
    '  fi',
    '  case "$prev" in',
    ...valueArms(catalogue, '    ', (flag, values) => `${flag}) COMPREPLY=($(compgen -W "${values}" -- "$cur")); return ;;`),
    '  esac',
    '  case "${COMP_WORDS[1]}" in',
    ...catalogue.commands.map((c) => `    ${c.name}) opts="${words(flagsOf(c))}" ;;`),
    '  esac',
    '  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi',
    '}',
    'complete -o default -F _odot odot',
  ].join('\n');
}

function zsh(catalogue: Catalogue): string {
  return [
    '#compdef odot',
    '# odot completion for zsh: source <(odot completion zsh) (after compinit)',
    '_odot() {',
    `  local -a commands=(${words(catalogue.commands.map((c) => c.name))}) opts`,
    '  if (( CURRENT == 2 )); then compadd -- $commands --help --version; return; fi',
    '  case ${words[CURRENT-1]} in',
    ...valueArms(catalogue, '    ', (flag, values) => `${flag}) compadd -- ${values}; return ;;`),
    '  esac',
    '  case ${words[2]} in',
    ...catalogue.commands.map((c) => `    ${c.name}) opts=(${words(flagsOf(c))}) ;;`),
    '  esac',
    '  if [[ ${words[CURRENT]} == -* ]]; then compadd -- $opts; else _files; fi',
    '}',
    'compdef _odot odot',
  ].join('\n');
}

/** A fish single-quoted string. */
function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fishOption(command: Command, option: OptionSpec): string {
  const parts = [`complete -c odot -n '__fish_seen_subcommand_from ${command.name}' -l ${option.name}`];
  if (option.short) parts.push(`-s ${option.short}`);
  if (option.type === 'string') parts.push('-r');
  if (option.choices) parts.push(`-f -a ${fishQuote(words(option.choices))}`);
  parts.push(`-d ${fishQuote(option.description)}`);
  return parts.join(' ');
}

function fish(catalogue: Catalogue): string {
  return [
    '# odot completion for fish: odot completion fish | source (or save as ~/.config/fish/completions/odot.fish)',
    ...catalogue.commands.map((c) => `complete -c odot -n __fish_use_subcommand -f -a ${c.name} -d ${fishQuote(c.summary)}`),
    "complete -c odot -n __fish_use_subcommand -l version -s V -d 'print the version'",
    ...catalogue.commands.flatMap((c) => allOptions(c.options).map((o) => fishOption(c, o))),
  ].join('\n');
}

/** The completion script for `shell`. */
export function completionScript(shell: Shell, catalogue: Catalogue): string {
  switch (shell) {
    case 'bash':
      return bash(catalogue);
    case 'zsh':
      return zsh(catalogue);
    case 'fish':
      return fish(catalogue);
    default:
      return assertNever(shell);
  }
}

/** `odot completion bash|zsh|fish`: prints a completion script for commands, options and law names. */
export const completionCommand: Command = {
  name: 'completion',
  summary: 'print a shell completion script (bash, zsh or fish)',
  usage: 'completion bash|zsh|fish [--json]',
  details: [
    'Completes command names, each command’s options, and option values from fixed lists:',
    '--dialect, --print, and --law with the law names of the catalogue.',
    '  bash: eval "$(odot completion bash)"   zsh: source <(odot completion zsh)',
    '  fish: odot completion fish | source',
    'With --json: {"shell", "script"}.',
  ].join('\n'),
  arity: [1, 1],
  options: [],
  run: (args, context) =>
    withInputErrors(context, async () => {
      const shell = args.positionals[0] ?? '';
      if (!(SHELLS as readonly string[]).includes(shell)) {
        throw new InputError({ code: 'unknown-shell', severity: 'error', message: `unknown shell '${shell}'`, hints: [`the shells are ${SHELLS.join(', ')}`] });
      }
      const script = completionScript(shell as Shell, { commands: await loadCommands() });
      context.stdout(args.flags.has('json') ? `${JSON.stringify({ shell, script })}\n` : `${script}\n`);
      return EXIT.ok;
    }),
};
