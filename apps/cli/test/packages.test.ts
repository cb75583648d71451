// Every published package as a user gets it: pack the tarballs, check what they ship, install
// them in a plain project outside the monorepo, typecheck it with skipLibCheck off under node16 and
// bundler resolution, run it, and run @arethetypeswrong/cli with the ESM-only profile.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packageReferences, unreferencedFiles, missingReferences } from './tarball-references.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI_DIR = fileURLToPath(new URL('..', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const ATTW = join(CLI_DIR, 'node_modules/@arethetypeswrong/cli/dist/index.js');

interface Packed {
  readonly name: string;
  readonly dir: string;
  readonly tarball: string;
  /** Where the tarball was unpacked (its `package/` folder). */
  readonly unpacked: string;
}

/** The workspace's published (non-private) packages. */
function publishedDirs(): string[] {
  return ['packages', 'apps']
    .flatMap((top) => readdirSync(join(ROOT, top)).map((d) => join(ROOT, top, d)))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .filter((dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private !== true);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

let work = '';
const packed: Packed[] = [];
/** attw's verdict per package folder; all runs start right after packing, beside the consumer checks. */
const attwRuns = new Map<string, Promise<{ status: number | null; output: string }>>();

function attw(tarball: string): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [ATTW, tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color'], { timeout: 400_000 });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => done({ status, output }));
  });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'odot-packages-'));
  for (const dir of publishedDirs()) {
    const name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name as string;
    const output = execFileSync('pnpm', ['pack', '--pack-destination', join(work, 'tarballs')], { cwd: dir, encoding: 'utf8' });
    const tarball = output.trim().split('\n').filter((l) => l.endsWith('.tgz')).at(-1) ?? '';
    const unpacked = join(work, 'unpacked', name.replace('/', '__'));
    mkdirSync(unpacked, { recursive: true });
    execFileSync('tar', ['xzf', tarball, '-C', unpacked]);
    packed.push({ name, dir, tarball, unpacked: join(unpacked, 'package') });
  }
  for (const p of packed) attwRuns.set(relative(ROOT, p.dir), attw(p.tarball));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('what each tarball ships', () => {
  test('every published package is packed', () => {
    expect(packed.map((p) => p.name).sort()).toEqual(['@odot/cli', '@odot/core', '@odot/grader', '@odot/numeric', '@odot/parser', '@odot/proof', '@odot/rewrite']);
  });

  test('every path that package.json, a source map or an import names is in the tarball', () => {
    for (const p of packed) {
      const files = new Set(filesUnder(p.unpacked));
      expect({ name: p.name, missing: missingReferences(p.unpacked, files) }).toEqual({ name: p.name, missing: [] });
    }
  });

  test('nothing ships that nothing references (no tests, test helpers or stray sources)', () => {
    for (const p of packed) {
      const files = filesUnder(p.unpacked);
      expect({ name: p.name, unreferenced: unreferencedFiles(p.unpacked, files) }).toEqual({ name: p.name, unreferenced: [] });
      expect(files.filter((f) => /\.test\.ts$|test-support|test-helpers|test-fixtures/.test(f))).toEqual([]);
    }
  });

  test('the LICENSE and the release metadata are in every package', () => {
    const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    for (const p of packed) {
      expect(readFileSync(join(p.unpacked, 'LICENSE'), 'utf8')).toBe(license);
      const pkg = JSON.parse(readFileSync(join(p.unpacked, 'package.json'), 'utf8'));
      expect(pkg.license).toBe('MIT');
      expect(pkg.publishConfig).toEqual({ access: 'public' });
      expect(pkg.engines.node).toBe('>=20.19');
      expect(pkg.repository.directory).toBe(relative(ROOT, p.dir));
      expect(pkg.homepage).toMatch(/^https:\/\//);
      expect(pkg.keywords.length).toBeGreaterThan(0);
      expect(pkg.type).toBe('module');
      // pnpm pack turns workspace:* into the real version.
      expect(JSON.stringify(pkg.dependencies ?? {})).not.toContain('workspace:');
    }
  });

  test('the reference checker notices a missing file and an unreferenced one', () => {
    const dir = join(work, 'fake');
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } } }));
    writeFileSync(join(dir, 'dist/index.js'), "export * from './a.js';\n//# sourceMappingURL=index.js.map\n");
    writeFileSync(join(dir, 'dist/stray.js'), '');
    writeFileSync(join(dir, 'dist/stray.js.map'), JSON.stringify({ sources: ['../src/stray.ts'] }));
    const files = new Set(['package.json', 'dist/index.js', 'dist/stray.js', 'dist/stray.js.map']);
    expect(packageReferences(dir).sort()).toEqual(['dist/index.d.ts', 'dist/index.js']);
    expect(missingReferences(dir, files)).toEqual(['dist/index.d.ts (package.json)', 'dist/a.js (dist/index.js)', 'dist/index.js.map (dist/index.js)', 'src/stray.ts (dist/stray.js.map)']);
    expect(unreferencedFiles(dir, [...files])).toEqual(['dist/stray.js', 'dist/stray.js.map']);
  });
});

const RESOLUTIONS = ['node16', 'bundler'] as const;

describe('a consumer project outside the monorepo', () => {
  let consumer = '';

  beforeAll(() => {
    consumer = join(work, 'consumer');
    mkdirSync(consumer, { recursive: true });
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'odot-consumer', private: true, type: 'module' }));
    const result = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--no-package-lock', '--prefer-offline', '--loglevel=error', ...packed.map((p) => p.tarball)],
      { cwd: consumer, encoding: 'utf8', timeout: 240_000 },
    );
    expect(result.stderr).not.toMatch(/ERR!/);
    expect(result.status).toBe(0);
    writeFileSync(join(consumer, 'main.ts'), CONSUMER_PROGRAM);
    for (const resolution of RESOLUTIONS) {
      const compilerOptions = {
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        target: 'ES2022',
        module: resolution === 'node16' ? 'node16' : 'esnext',
        moduleResolution: resolution,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules/@types')],
      };
      writeFileSync(join(consumer, `tsconfig.${resolution}.json`), JSON.stringify({ compilerOptions, files: ['main.ts'] }));
    }
  }, 300_000);

  test.each(RESOLUTIONS)('typechecks with skipLibCheck off under moduleResolution %s', (resolution) => {
    const result = spawnSync(process.execPath, [TSC, '-p', `tsconfig.${resolution}.json`], { cwd: consumer, encoding: 'utf8', timeout: 280_000 });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 300_000);

  test('runs: the seed example and the CLI from the installed packages', () => {
    const emit = spawnSync(process.execPath, [TSC, '-p', 'tsconfig.node16.json', '--noEmit', 'false', '--outDir', 'out'], { cwd: consumer, encoding: 'utf8', timeout: 240_000 });
    expect(emit.stdout + emit.stderr).toBe('');
    const result = spawnSync(process.execPath, ['out/main.js'], { cwd: consumer, encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual(['{"shape":[2,3],"value":[[7,16,27],[40,55,72]]}', 'shape-mismatch', 'A ⊙ B', 'function function function function string']);
    const bin = spawnSync(join(consumer, 'node_modules/.bin/odot'), ['eval', 'A ⊙ B', '--let', 'A=[[1,2,3],[4,5,6]]', '--let', 'B=[[7,8,9],[10,11,12]]', '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(JSON.parse(bin.stdout)).toEqual({ shape: [2, 3], value: [[7, 16, 27], [40, 55, 72]] });
  }, 360_000);
});

describe('@arethetypeswrong/cli', () => {
  test.each(publishedDirs().map((dir) => relative(ROOT, dir)))('passes on %s with the ESM-only profile', async (dir) => {
    const result = await attwRuns.get(dir);
    expect(result).toBeDefined();
    expect(result?.status, result?.output).toBe(0);
    expect(result?.output).toMatch(/node16 \(from ESM\): 🟢/);
    expect(result?.output).toMatch(/bundler: 🟢/);
  }, 420_000);
});

/** The consumer's program: every package's entry points, typed, exercised on the seed example. */
const CONSUMER_PROGRAM = `import { printExpr, type Expr } from '@odot/core';
import { parse } from '@odot/parser';
import { evaluate, valueFromLiteral, valueToJson, type Value } from '@odot/numeric';
import { simplify } from '@odot/rewrite';
import { parseProof } from '@odot/proof';
import { parseWorksheet } from '@odot/grader';
import { collectSubmissions } from '@odot/grader/node';
import { main, type CommandContext } from '@odot/cli';

function expr(text: string): Expr {
  const result = parse(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.expr;
}
const bindings = new Map<string, Value>();
for (const [name, text] of [['A', '[[1,2,3],[4,5,6]]'], ['B', '[[7,8,9],[10,11,12]]']] as const) {
  const value = valueFromLiteral(expr(text));
  if (!value.ok) throw new Error(value.error.message);
  bindings.set(name, value.value);
}
const product = evaluate(expr('A ⊙ B'), bindings, { mode: 'exact' });
console.log(product.ok ? JSON.stringify(valueToJson(product.value, false)) : product.error.code);
const wrong = evaluate(expr('A B'), bindings, { mode: 'exact' });
console.log(wrong.ok ? 'no error' : wrong.error.code);
const simplified = simplify(expr('(A ⊙ B)ᵀᵀ'));
console.log(simplified.ok ? printExpr(simplified.value.result, 'plain') : simplified.error.code);
const cwd: CommandContext['cwd'] = process.cwd();
console.log([parseProof, parseWorksheet, collectSubmissions, main].map((f) => typeof f).join(' '), typeof cwd);
`;
