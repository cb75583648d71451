import type { Command } from '../command.ts';
import { parseCommand } from './parse.ts';

/** Every `odot` sub-command, in the order `odot --help` lists them. */
export const COMMANDS: readonly Command[] = [parseCommand];
