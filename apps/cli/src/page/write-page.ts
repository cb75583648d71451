import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import type { Worksheet } from '@odot/grader';
import { buildPageData, pageHtml, pageSettings, type PageMode } from './page-data.ts';

/**
 * Where the prebuilt page lives: `dist/worksheet-page/` beside the built CLI (the CLI's build copies
 * it there, so the published package carries it), else the page app's own `dist/` in the repository.
 */
export function pageAssetsDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'worksheet-page'), join(here, '..', '..', '..', 'worksheet-page', 'dist')];
  return candidates.find((dir) => existsSync(join(dir, 'practice.js')) && existsSync(join(dir, 'exam.js')));
}

/** The CLI's version, recorded in every page and downloaded submission. */
export function cliVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const pkg = JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/** The files of a built page, by path inside the page (`index.html`, `page.js`, `page.css`, `fonts/…`). */
export type PageFiles = Map<string, Uint8Array>;

/** Why a page could not be built. */
export type PageBuild = { readonly ok: true; readonly files: PageFiles } | { readonly ok: false; readonly code: string; readonly message: string };

/** Builds the files of a worksheet's page in memory: the HTML with the data, the mode's script, the stylesheet and fonts. */
export async function pageFiles(worksheet: Worksheet, source: string, mode: PageMode, scorm: boolean, rosterIds?: readonly string[]): Promise<PageBuild> {
  const assets = pageAssetsDir();
  if (assets === undefined) return { ok: false, code: 'missing-page-assets', message: 'the prebuilt student page is missing (build @odot/worksheet-page, then @odot/cli)' };
  const settings = pageSettings(worksheet.frontmatter);
  if (!settings.ok) return { ok: false, code: 'bad-frontmatter', message: settings.message };
  const data = buildPageData(worksheet, source, { mode, scorm, version: cliVersion(), showAnswers: settings.showAnswers, ...(settings.passMark === undefined ? {} : { passMark: settings.passMark }), ...(rosterIds === undefined ? {} : { rosterIds }) });
  const files: PageFiles = new Map();
  files.set('index.html', strToU8(pageHtml(data)));
  files.set('page.js', await readFile(join(assets, mode === 'exam' ? 'exam.js' : 'practice.js')));
  files.set('page.css', await readFile(join(assets, 'page.css')));
  for (const font of (await readdir(join(assets, 'fonts'))).sort()) files.set(`fonts/${font}`, await readFile(join(assets, 'fonts', font)));
  return { ok: true, files };
}

/** Writes page files under `dir`, creating folders. */
export async function writePageFiles(dir: string, files: PageFiles): Promise<void> {
  for (const [path, bytes] of files) {
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
}

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An XML ID (NCName) from a worksheet id: letters, digits, `.`, `-`, `_`, starting with a letter. */
function xmlId(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `ws_${cleaned}`;
}

/** The SCORM 1.2 manifest (IMS CP 1.1.2 with the ADL SCORM 1.2 extensions): one SCO, the page. */
export function scormManifest(worksheet: Worksheet, files: readonly string[]): string {
  const id = xmlId(worksheet.id);
  const title = xml(worksheet.title || worksheet.id);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="odot-${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-${id}">
    <organization identifier="org-${id}">
      <title>${title}</title>
      <item identifier="item-${id}" identifierref="sco-${id}" isvisible="true">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-${id}" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files.map((f) => `      <file href="${xml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/** A SCORM 1.2 package (zip bytes): `imsmanifest.xml` at the root beside the practice page's files. */
export function scormZip(worksheet: Worksheet, files: PageFiles): Uint8Array {
  const entries: Record<string, Uint8Array> = { 'imsmanifest.xml': strToU8(scormManifest(worksheet, [...files.keys()])) };
  for (const [path, bytes] of files) entries[path] = bytes;
  return zipSync(entries, { level: 9, mtime: new Date('2025-01-01T00:00:00Z') });
}
