import type { Command } from '../command.ts';

/** One `odot` sub-command in the registry: its name, and its module, loaded only when it runs. */
export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<Command>;
}

/**
 * Every `odot` sub-command, in the order `odot --help` lists them. Each module is imported only
 * when its command runs (the build bundles each into its own chunk), so start-up reads only the
 * code of the command at hand.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'parse', load: async () => (await import('./parse.ts')).parseCommand },
  { name: 'eval', load: async () => (await import('./eval.ts')).evalCommand },
  { name: 'psd', load: async () => (await import('./psd.ts')).psdCommand },
  { name: 'simplify', load: async () => (await import('./simplify.ts')).simplifyCommand },
  { name: 'equiv', load: async () => (await import('./equiv.ts')).equivCommand },
  { name: 'check', load: async () => (await import('./check.ts')).checkCommand },
  { name: 'hint', load: async () => (await import('./hint.ts')).hintCommand },
  { name: 'grade', load: async () => (await import('./grade.ts')).gradeCommand },
  { name: 'worksheet', load: async () => (await import('./worksheet.ts')).worksheetCommand },
  { name: 'completion', load: async () => (await import('./completion.ts')).completionCommand },
];

/** Loads every command (for `odot --help` and shell completion). */
export function loadCommands(): Promise<Command[]> {
  return Promise.all(COMMANDS.map((entry) => entry.load()));
}
