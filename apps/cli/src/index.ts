export { main } from './main.ts';
export type { Command, CommandContext, OptionSpec, ParsedArgs } from './command.ts';
export { EXIT } from './command.ts';
export type { CommandEntry } from './commands/index.ts';
export { COMMANDS, loadCommands } from './commands/index.ts';
