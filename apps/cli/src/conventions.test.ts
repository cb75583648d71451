import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAWS } from '@odot/rewrite';
import { COMMANDS } from './commands/index.ts';
import { BIN, runOdot } from './test-helpers.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const WORKSHEET = `${ROOT}examples/WS_Math_Foundations_1.md`;

describe('odot follows the command-line conventions (built command)', () => {
  it('--version and -V print the version in package.json', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const run = runOdot([flag]);
      expect(run).toEqual({ code: 0, stdout: `odot ${version}\n`, stderr: '' });
    }
    expect(JSON.parse(runOdot(['--version', '--json']).stdout)).toEqual({ version });
  });

  it('an unknown command gets "did you mean" in one line, exit 2', () => {
    expect(runOdot(['pasre', 'A'])).toEqual({ code: 2, stdout: '', stderr: "error: unknown command 'pasre' (did you mean 'parse'?)\n" });
    const far = runOdot(['frobnicate']);
    expect(far.code).toBe(2);
    expect(far.stderr).toBe("error: unknown command 'frobnicate' (see odot --help)\n");
  });

  it('an unknown option gets "did you mean" in one line, exit 2, without Node’s message or the help', () => {
    const run = runOdot(['eval', 'A', '--jsn']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: "error: odot eval: unknown option '--jsn' (did you mean '--json'?)\n" });
    const missing = runOdot(['parse', 'A', '--dialect']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: "error: odot parse: option '--dialect' needs a value; see odot parse --help\n" });
  });

  it('errors are JSON on stdout with --json: code, message, line, column, hints', () => {
    const syntax = runOdot(['parse', 'A ⊙', '--json']);
    expect(syntax.code).toBe(2);
    expect(JSON.parse(syntax.stdout)).toEqual({
      error: { code: 'syntax', message: 'expected an operand after `⊙`, found the end of the input', line: 1, column: 4, hints: [] },
    });
    const shape = JSON.parse(runOdot(['eval', 'A B', '--let', 'A=[[1,2,3],[4,5,6]]', '--let', 'B=[[7,8,9],[10,11,12]]', '--json']).stdout) as {
      error: { code: string; message: string; line: number; column: number };
    };
    expect(shape.error.message).toContain('2×3');
    expect([shape.error.line, shape.error.column]).toEqual([1, 1]);
    const usage = runOdot(['eval', 'A', '--jsn', '--json']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toEqual({
      error: { code: 'unknown-option', message: "odot eval: unknown option '--jsn' (did you mean '--json'?)", line: null, column: null, hints: ["did you mean '--json'?"] },
    });
    expect(JSON.parse(runOdot(['pasre', '--json']).stdout).error.code).toBe('unknown-command');
  });

  it('every command takes --json; parse --json prints the tree and the shape', () => {
    for (const { name } of COMMANDS) expect(runOdot([name, '--help']).stdout, name).toContain('--json');
    const run = runOdot(['parse', 'A ⊙ B', '--given', 'A, B: 2×3', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { expr: { type: string }; shape: string };
    expect(json.shape).toBe('2×3');
    expect(JSON.stringify(json.expr)).toContain('"A"');
  });

  it('worksheet test reads the worksheet from standard input with -', () => {
    const text = readFileSync(WORKSHEET, 'utf8');
    const fromFile = runOdot(['worksheet', 'test', WORKSHEET, '--variants', '2']);
    const fromStdin = runOdot(['worksheet', 'test', '-', '--variants', '2'], { input: text });
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('a worksheet error names the file: path:line:column', () => {
    const run = runOdot(['worksheet', 'test', 'missing.md'], { cwd: ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--> missing.md');
  });

  it('builds one bin file with a chunk per command, loaded only when it runs', () => {
    const dist = new URL('../dist/', import.meta.url);
    const chunks = readdirSync(new URL('chunks/', dist));
    for (const { name } of COMMANDS) expect(chunks.some((c) => c.startsWith(`${name}-`)), name).toBe(true);
    // What `odot` reads before any command runs: bin.js and its static imports, never the parser.
    const eager = new Set<string>();
    const visit = (url: URL): void => {
      if (eager.has(url.href)) return;
      eager.add(url.href);
      const text = readFileSync(url, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+)"/g)) visit(new URL(m[1] ?? '', url));
    };
    visit(new URL(BIN, 'file://'));
    const code = [...eager].map((href) => readFileSync(new URL(href), 'utf8')).join('\n');
    expect(code).toMatch(/import\("\.\/parse-[\w-]+\.js"\)/);
    expect(code).not.toContain('nearley');
    expect(code).not.toContain('moo');
  });
});

describe('odot completion', () => {
  /** The words bash completes for `line` (ending where the cursor is) with the generated script. */
  function bashComplete(line: string): string[] {
    const script = runOdot(['completion', 'bash']).stdout;
    const words = line.split(' ');
    const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _odot; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync('bash', ['-c', program], { encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    return result.stdout.split('\n').filter(Boolean);
  }

  it('bash: commands, each command’s options, and law names for --law', () => {
    expect(bashComplete('odot p')).toEqual(['parse', 'psd']);
    expect(bashComplete('odot parse A --p')).toEqual(['--print']);
    expect(bashComplete('odot eval A --')).toEqual(expect.arrayContaining(['--let', '--given', '--json', '--help']));
    expect(bashComplete('odot parse A --dialect ')).toEqual(['plain', 'latex', 'numpy', 'matlab']);
    const laws = bashComplete('odot simplify A --law hadamard_c');
    expect(laws).toEqual(LAWS.map((l) => l.name).filter((n) => n.startsWith('hadamard_c')));
    expect(laws).toContain('hadamard_comm');
  });

  it('zsh and fish scripts name every command, option and law', () => {
    for (const shell of ['zsh', 'fish']) {
      const run = runOdot(['completion', shell]);
      expect(run.code).toBe(0);
      for (const { name } of COMMANDS) expect(run.stdout, `${shell} ${name}`).toContain(name);
      for (const law of LAWS) expect(run.stdout, `${shell} ${law.name}`).toContain(law.name);
      expect(run.stdout).toContain(shell === 'zsh' ? 'compdef _odot odot' : "complete -c odot -n '__fish_seen_subcommand_from parse' -l print");
    }
  });

  it('bash syntax is valid, and an unknown shell is an input error', () => {
    const check = spawnSync('bash', ['-n'], { input: runOdot(['completion', 'bash']).stdout, encoding: 'utf8' });
    expect(check.status).toBe(0);
    const bad = runOdot(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown shell 'tcsh'");
  });
});
