import { odotError, type OdotError } from '@odot/core';
import { commandHelp, mainHelp } from './help.ts';
import { didYouMean, parseCommandArgs } from './args.ts';
import { EXIT, type CommandContext } from './command.ts';
import { COMMANDS, loadCommands } from './commands/index.ts';
import { errorJson } from './error-json.ts';
import { cliVersion } from './version.ts';

/** Bad usage in one line (`error: unknown command 'pasre' (did you mean 'parse'?)`), or JSON with `--json`; exit 2. */
function usage(context: CommandContext, json: boolean, error: OdotError): number {
  if (json) context.stdout(`${JSON.stringify(errorJson(error))}\n`);
  else context.stderr(`error: ${error.message}\n`);
  return EXIT.inputError;
}

/** Runs `odot` with the given arguments (without `node` and the script) and resolves to the exit code. */
export async function main(argv: readonly string[], context: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  const json = argv.includes('--json');
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.stdout(`${mainHelp(await loadCommands())}\n`);
    return name === undefined ? EXIT.inputError : EXIT.ok;
  }
  if (name === '--version' || name === '-V' || name === '-v') {
    context.stdout(json ? `${JSON.stringify({ version: cliVersion() })}\n` : `odot ${cliVersion()}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const names = COMMANDS.map((c) => c.name);
    const hint = didYouMean(name, name.startsWith('-') ? ['--help', '--version'] : names);
    const what = name.startsWith('-') ? 'option' : 'command';
    return usage(context, json, odotError(`unknown-${what}`, `unknown ${what} '${name}' (${hint ?? 'see odot --help'})`, { hints: [hint ?? `the commands are ${names.join(', ')}`] }));
  }
  const command = await entry.load();
  const args = parseCommandArgs(rest, command.options);
  if (!args.ok) {
    const more = args.error.message.includes('did you mean') ? '' : `; see odot ${command.name} --help`;
    return usage(context, json, { ...args.error, message: `odot ${command.name}: ${args.error.message}${more}` });
  }
  if (args.value.flags.has('help')) {
    context.stdout(`${commandHelp(command)}\n`);
    return EXIT.ok;
  }
  const [min, max] = command.arity;
  const count = args.value.positionals.length;
  if (count < min || count > max) {
    const wanted = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    return usage(context, json, odotError('bad-arity', `odot ${command.name} takes ${wanted} argument(s), got ${count}; usage: odot ${command.usage}`));
  }
  const runContext = { ...context, json: args.value.flags.has('json') };
  try {
    return await command.run(args.value, runContext);
  } catch (error) {
    // A bug must still not print a stack trace at the user: say what happened, briefly.
    const message = `internal error in odot ${command.name}: ${error instanceof Error ? error.message : String(error)}`;
    return usage(runContext, runContext.json, odotError('internal-error', message));
  }
}
