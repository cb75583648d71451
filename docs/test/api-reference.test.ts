import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const docsRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(docsRoot, '..');
const reference = join(docsRoot, 'api', 'reference');

/** The published packages: their folder under the reference and their source entry. */
const PACKAGES = [
  ['core', 'packages/core'],
  ['parser', 'packages/parser'],
  ['numeric', 'packages/numeric'],
  ['rewrite', 'packages/rewrite'],
  ['proof', 'packages/proof'],
  ['grader', 'packages/grader'],
  ['cli', 'apps/cli'],
] as const;

/** An exported function: its name and the text of its doc comment, read by the TypeScript compiler (not TypeDoc). */
interface ExportedFunction {
  readonly name: string;
  readonly doc: string;
}

/** The functions a package's `src/index.ts` exports, with their doc comments. */
function exportedFunctions(dir: string): ExportedFunction[] {
  const entry = join(repoRoot, dir, 'src', 'index.ts');
  const program = ts.createProgram([entry], { allowImportingTsExtensions: true, noEmit: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, customConditions: ['@odot/source'] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`cannot read ${entry}`);
  return checker.getExportsOfModule(module).flatMap((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (!(target.flags & ts.SymbolFlags.Function)) return [];
    return [{ name: symbol.getName(), doc: ts.displayPartsToString(target.getDocumentationComment(checker)) }];
  });
}

/** The text from a heading line to the next heading of the same or a higher level, or undefined. */
function sectionOf(page: string, heading: string): string | undefined {
  const lines = page.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) return undefined;
  const level = heading.indexOf(' ');
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && line.indexOf(' ') <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** Letters and digits only, lower case: markdown escaping and line breaks do not matter. */
const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

describe('the generated API reference (TypeDoc)', () => {
  it('exists (the docs build generates it)', () => {
    expect(existsSync(join(reference, 'index.md')), 'run `pnpm --filter @odot/docs build` (or `api`) first').toBe(true);
    for (const [name] of PACKAGES) expect(existsSync(join(reference, `${name}.md`)), name).toBe(true);
  });

  for (const [name, dir] of PACKAGES) {
    it(`has a section for every function @odot/${name} exports, with its doc comment`, () => {
      const functions = exportedFunctions(dir);
      expect(functions.length).toBeGreaterThan(0);
      const page = readFileSync(join(reference, `${name}.md`), 'utf8');
      const missing: string[] = [];
      for (const fn of functions) {
        const section = sectionOf(page, `### ${fn.name.replace(/_/g, '\\_')}()`);
        if (section === undefined) missing.push(`${fn.name}: no section`);
        else if (fn.doc.trim() === '') missing.push(`${fn.name}: no doc comment in the source`);
        else if (!squash(section).includes(squash(fn.doc))) missing.push(`${fn.name}: its section lacks its doc comment`);
        else if (!section.includes('#### Parameters') && !section.includes('#### Returns')) missing.push(`${fn.name}: no parameters or returns`);
      }
      expect(missing).toEqual([]);
    });
  }
});
