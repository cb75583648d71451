export { main } from './main.ts';
export type { Command, CommandContext, OptionSpec, ParsedArgs } from './command.ts';
export { EXIT } from './command.ts';
export { COMMANDS } from './commands/index.ts';
