import { commandHelp, mainHelp } from './help.ts';
import { parseCommandArgs } from './args.ts';
import { EXIT, type CommandContext } from './command.ts';
import { COMMANDS } from './commands/index.ts';

/** Runs `odot` with the given arguments (without `node` and the script) and resolves to the exit code. */
export async function main(argv: readonly string[], context: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.stdout(`${mainHelp(COMMANDS)}\n`);
    return name === undefined ? EXIT.inputError : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    context.stdout('odot 0.1.0\n');
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    context.stderr(`error: unknown command '${name}'\n  = help: the commands are ${COMMANDS.map((c) => c.name).join(', ')}\n`);
    return EXIT.inputError;
  }
  let args;
  try {
    args = parseCommandArgs(rest, command.options);
  } catch (error) {
    context.stderr(`error: ${(error as Error).message}\n\n${commandHelp(command)}\n`);
    return EXIT.inputError;
  }
  if (args.flags.has('help')) {
    context.stdout(`${commandHelp(command)}\n`);
    return EXIT.ok;
  }
  const [min, max] = command.arity;
  if (args.positionals.length < min || args.positionals.length > max) {
    const wanted = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    context.stderr(`error: odot ${command.name} takes ${wanted} argument(s), got ${args.positionals.length}\n  usage: odot ${command.usage}\n`);
    return EXIT.inputError;
  }
  try {
    return await command.run(args, context);
  } catch (error) {
    // A bug must still not print a stack trace at the user: say what happened, briefly.
    context.stderr(`error: internal error in odot ${command.name}: ${(error as Error).message ?? String(error)}\n`);
    return EXIT.inputError;
  }
}
