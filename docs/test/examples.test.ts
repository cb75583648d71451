import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseWorksheet, selfTest } from '@odot/grader';
import { checkProof } from '@odot/proof';
import { describe, expect, it } from 'vitest';
import { allBlocks, shellSession, splitArgs, type CodeBlock } from './extract.ts';

const docsRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(docsRoot, '..');
const cli = join(repoRoot, 'apps', 'cli', 'dist', 'bin.js');
const runnableDir = join(docsRoot, '.runnable');
const blocks = allBlocks(docsRoot);
const where = (block: CodeBlock): string => `${block.file}:${block.line}`;

/** Languages a docs page may use, and what the test does with each. */
const HANDLED = {
  ts: 'executed',
  sh: 'run (odot sessions) or checked against package.json (setup)',
  proof: 'checked by the proof checker',
  text: 'output or grammar shown as text',
  json: 'parsed',
  md: 'worksheet: self-tested by the grader',
} as const;

describe('docs code blocks', () => {
  it('use only languages the test handles, and there are examples to run', () => {
    const unknown = blocks.filter((b) => !(b.lang in HANDLED)).map((b) => `${where(b)} (${b.lang || 'no language'})`);
    expect(unknown).toEqual([]);
    expect(blocks.filter((b) => b.lang === 'ts').length).toBeGreaterThanOrEqual(6);
    expect(blocks.filter((b) => b.lang === 'sh' && !b.tags.includes('setup')).length).toBeGreaterThanOrEqual(6);
  });
});

describe('TypeScript examples run', () => {
  rmSync(runnableDir, { recursive: true, force: true });
  mkdirSync(runnableDir, { recursive: true });
  for (const block of blocks.filter((b) => b.lang === 'ts')) {
    it(where(block), async () => {
      const file = join(runnableDir, `${block.file.replace(/[^a-z0-9]+/gi, '-')}-${block.line}.ts`);
      writeFileSync(file, `${block.code}\n`);
      await import(pathToFileURL(file).href);
    });
  }
});

describe('odot sessions print what the docs show', () => {
  for (const block of blocks.filter((b) => b.lang === 'sh' && !b.tags.includes('setup'))) {
    for (const command of shellSession(block.code)) {
      it(`${where(block)}: ${command.command}`, () => {
        expect(command.argv[0]).toBe('odot');
        if (!existsSync(cli)) throw new Error(`the CLI is not built (${cli}): run pnpm build`);
        const run = spawnSync(process.execPath, [cli, ...command.argv.slice(1)], {
          cwd: repoRoot,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
          timeout: 60_000,
        });
        const output = `${run.stdout}${run.stderr}`.trimEnd();
        expect(output).toBe(command.output);
        expect(run.status).toBe(command.exit);
      });
    }
  }
});

describe('setup commands name real scripts', () => {
  const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const builtins = new Set(['install', 'add', 'exec', 'dlx']);
  for (const block of blocks.filter((b) => b.lang === 'sh' && b.tags.includes('setup'))) {
    for (const command of shellSession(block.code)) {
      it(`${where(block)}: ${command.command}`, () => {
        const argv = splitArgs(command.command);
        if (argv[0] === 'npm') {
          // `npm i @odot/x …` in a reader's own project: each package must exist and be published (not private).
          expect(['i', 'install']).toContain(argv[1]);
          for (const pkg of argv.slice(2).filter((a) => !a.startsWith('-'))) {
            const manifest = JSON.parse(readFileSync(join(repoRoot, pkg === '@odot/cli' ? 'apps/cli' : `packages/${pkg.replace('@odot/', '')}`, 'package.json'), 'utf8')) as { name: string; private?: boolean };
            expect(manifest.name).toBe(pkg);
            expect(manifest.private ?? false).toBe(false);
          }
          return;
        }
        expect(argv[0]).toBe('pnpm');
        const name = argv[1] === '--filter' ? argv[3] : argv[1];
        if (argv[1] === '--filter') {
          const pkg = argv[2] ?? '';
          const dir = pkg === '@odot/docs' ? 'docs' : pkg === '@odot/playground' ? 'apps/playground' : `packages/${pkg.replace('@odot/', '')}`;
          const own = (JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
          expect(Object.keys(own)).toContain(name);
        } else if (!builtins.has(name ?? '')) expect(Object.keys(scripts)).toContain(name);
      });
    }
  }
});

describe('proofs in the docs check', () => {
  for (const block of blocks.filter((b) => b.lang === 'proof')) {
    it(`${where(block)} is ${block.tags.includes('invalid') ? 'rejected' : 'accepted'}`, () => {
      const report = checkProof(block.code);
      expect(report.errors).toEqual([]);
      expect(report.valid).toBe(!block.tags.includes('invalid'));
    });
  }
});

describe('JSON blocks', () => {
  it('parse', () => {
    for (const block of blocks.filter((b) => b.lang === 'json')) expect(() => JSON.parse(block.code), where(block)).not.toThrow();
  });
});

describe('worksheets in the docs self-test', () => {
  for (const block of blocks.filter((b) => b.lang === 'md')) {
    it(`${where(block)} parses and passes its self-test`, () => {
      expect(block.tags).toContain('worksheet');
      const worksheet = parseWorksheet(block.code);
      if (!worksheet.ok) throw new Error(worksheet.error.message);
      const report = selfTest(worksheet.value, { variants: 4 });
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
      expect(report.ok).toBe(true);
    });
  }
});
