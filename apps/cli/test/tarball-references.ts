// What an unpacked package names, and whether it ships exactly that: the paths in package.json
// (exports, main, types, bin), each file's relative imports and `sourceMappingURL`, and each source
// map's `sources`. Used by packages.test.ts on every packed tarball.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, normalize } from 'node:path';

/** Files every package may ship without being named by anything. */
const ALWAYS = new Set(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(strings);
}

function clean(path: string): string {
  return normalize(path).split('\\').join('/');
}

/** The files package.json names (exports targets under every condition, main, types, bin). */
export function packageReferences(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  const named = [pkg.exports, pkg.main, pkg.types, pkg.module, pkg.bin].flatMap(strings);
  return [...new Set(named.filter((p) => !p.includes('*')).map(clean))];
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\bnew URL\(\s*)["'](\.\.?\/[^"']+)["']/g;
const MAP_URL = /\/\/# sourceMappingURL=(\S+)\s*$/m;

/** The files one shipped file names, relative to the package root. */
function fileReferences(root: string, file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const base = dirname(file);
  if (file.endsWith('.map')) {
    const map = JSON.parse(text) as { sources?: string[]; sourceRoot?: string };
    return (map.sources ?? []).map((s) => clean(join(base, map.sourceRoot ?? '', s)));
  }
  if (!/\.(m?js|ts)$/.test(file)) return [];
  const out = [...text.matchAll(IMPORT)].map((m) => clean(join(base, m[1] ?? '')));
  const url = MAP_URL.exec(text)?.[1];
  if (url !== undefined && !url.startsWith('data:')) out.push(clean(join(base, url)));
  return out;
}

/** In a declaration file `./x.ts` and `./x.js` name `./x.d.ts`; in a TypeScript source `./x.js` names `./x.ts`. */
function candidates(file: string, reference: string): string[] {
  if (file.endsWith('.d.ts')) return [reference, reference.replace(/\.(ts|js)$/, '.d.ts')];
  if (file.endsWith('.ts')) return [reference, reference.replace(/\.js$/, '.ts')];
  return [reference];
}

/** Every named path the package lacks, as `path (named by)`. */
export function missingReferences(root: string, files: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  for (const path of packageReferences(root)) if (!files.has(path)) missing.push(`${path} (package.json)`);
  for (const file of files) {
    for (const reference of fileReferences(root, file)) {
      if (!candidates(file, reference).some((c) => files.has(c))) missing.push(`${reference} (${file})`);
    }
  }
  return missing;
}

/**
 * Every shipped file that nothing names: not package.json, not another shipped file, and not the
 * compiled form (per its source map) of a source file that is named. Named sets grow to a fixpoint.
 */
/**
 * Folders of assets a shipped script reads at run time by name (the CLI's `dist/worksheet-page/`,
 * found with `join(here, '..', 'worksheet-page')`): a folder whose name a named `.js` file spells as
 * a string literal counts as referenced with everything in it.
 */
function assetDirsNamedBy(root: string, files: readonly string[], named: ReadonlySet<string>): string[] {
  const dirs = new Set(files.map((f) => dirname(f)).filter((d) => d !== '.' && d.includes('/')));
  const scripts = [...named].filter((f) => f.endsWith('.js') && files.includes(f)).map((f) => readFileSync(join(root, f), 'utf8'));
  return [...dirs].filter((d) => {
    const name = basename(d);
    return scripts.some((text) => text.includes(`'${name}'`) || text.includes(`"${name}"`));
  });
}

export function unreferencedFiles(root: string, files: readonly string[]): string[] {
  const named = new Set(packageReferences(root));
  const present = files.filter((file) => existsSync(join(root, file)));
  const references = new Map(present.map((file) => [file, fileReferences(root, file)] as const));
  let grew = true;
  while (grew) {
    const before = named.size;
    for (const [file, refs] of references) {
      const compiled = file.endsWith('.map') && refs.some((source) => named.has(source));
      if (compiled) named.add(file).add(file.slice(0, -'.map'.length));
      if (!named.has(file) && !compiled) continue;
      for (const reference of refs) for (const c of candidates(file, reference)) named.add(c);
    }
    for (const dir of assetDirsNamedBy(root, present, named)) for (const f of present) if (f.startsWith(`${dir}/`)) named.add(f);
    grew = named.size > before;
  }
  return files.filter((f) => !ALWAYS.has(f) && !named.has(f));
}
