// Writes dist/page.css (KaTeX's stylesheet followed by the page's own) and copies KaTeX's woff2
// fonts to dist/fonts/. Browsers take the first format they support, and every current one reads
// woff2, so the woff and ttf fallbacks are left out to keep the page small.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const katexDir = join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');
const dist = join(here, '..', 'dist');
mkdirSync(join(dist, 'fonts'), { recursive: true });
for (const file of readdirSync(join(katexDir, 'fonts'))) {
  if (file.endsWith('.woff2')) copyFileSync(join(katexDir, 'fonts', file), join(dist, 'fonts', file));
}
const katexCss = readFileSync(join(katexDir, 'katex.min.css'), 'utf8');
const own = readFileSync(join(here, '..', 'src', 'style.css'), 'utf8');
writeFileSync(join(dist, 'page.css'), `${katexCss}\n${own}`);
