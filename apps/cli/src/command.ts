/** How an option is written on the command line. */
export interface OptionSpec {
  /** Long name without dashes: `dialect` for `--dialect`. */
  readonly name: string;
  readonly short?: string;
  /** `string` takes a value, `boolean` is a flag. */
  readonly type: 'string' | 'boolean';
  /** A `string` option that may be given several times (`--given A: 2×3 --given B: 3×2`). */
  readonly multiple?: boolean;
  /** Placeholder shown in help: `--dialect D`. */
  readonly value?: string;
  /** The values a `string` option takes, when they are a fixed list (shell completion offers them). */
  readonly choices?: readonly string[];
  readonly description: string;
}

/** The options and positional arguments of one invocation, after parsing. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly strings: ReadonlyMap<string, string>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly flags: ReadonlySet<string>;
}

/** What a command may use of the outside world; tests pass fakes. */
export interface CommandContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The whole of standard input (for `-` arguments). */
  readonly readStdin: () => Promise<string>;
  /** Whether standard error is a terminal: progress bars (`\r` frames on stderr) only then. */
  readonly isTTY: boolean;
  readonly cwd: string;
  /** Set by `main` when `--json` is given: error diagnostics then print as JSON on stdout. */
  readonly json?: boolean;
}

/** One `odot` sub-command. `run` resolves to the process exit code. */
export interface Command {
  readonly name: string;
  /** One line for `odot --help`. */
  readonly summary: string;
  /** Usage line after `odot `, e.g. `parse EXPR [--dialect D]...`. */
  readonly usage: string;
  /** Longer help text printed by `odot NAME --help` after the options. */
  readonly details?: string;
  readonly options: readonly OptionSpec[];
  /** Number of positionals accepted: [min, max] (max `Infinity` for lists). */
  readonly arity: readonly [number, number];
  readonly run: (args: ParsedArgs, context: CommandContext) => Promise<number>;
}

/** Exit codes shared by all commands. */
export const EXIT = { ok: 0, no: 1, inputError: 2, unknown: 3 } as const;
