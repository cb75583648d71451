import type { Command } from '../command.ts';
import { parseCommand } from './parse.ts';
import { evalCommand } from './eval.ts';
import { psdCommand } from './psd.ts';
import { gradeCommand } from './grade.ts';
import { worksheetCommand } from './worksheet.ts';
import { simplifyCommand } from './simplify.ts';
import { equivCommand } from './equiv.ts';
import { checkCommand } from './check.ts';

/** Every `odot` sub-command, in the order `odot --help` lists them. */
export const COMMANDS: readonly Command[] = [
  parseCommand,
  evalCommand,
  psdCommand,
  simplifyCommand,
  equivCommand,
  checkCommand,
  gradeCommand,
  worksheetCommand,
];
