import { readdir, readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { lmsHintOf, readArchive, type LmsHint, type SkippedEntry } from '../lms-zip.ts';

const SUBMISSION = /\.(ya?ml|json)$/i;
const ARCHIVE = /\.zip$/i;

/** The largest submission file read (1 MiB); larger ones get a row with the reason. */
export const MAX_SUBMISSION_BYTES = 1 << 20;
/** The largest archive read (256 MiB). */
export const MAX_ARCHIVE_BYTES = 256 << 20;
const MAX_DEPTH = 8;

/**
 * One input: a submission file to grade, bytes already read (stdin, an archive entry), or a path
 * that cannot be read (it still gets a row). `lms` names the student when the path is an LMS's.
 */
export type SubmissionInput =
  | { readonly kind: 'file'; readonly path: string; readonly mtime?: number; readonly lms?: LmsHint }
  | { readonly kind: 'data'; readonly path: string; readonly bytes: Uint8Array; readonly lms?: LmsHint }
  | { readonly kind: 'missing'; readonly path: string; readonly reason: string };

/** The inputs to grade and the files listed but not graded. */
export interface CollectedClass {
  readonly inputs: readonly SubmissionInput[];
  readonly ignored: readonly SkippedEntry[];
}

/** Options of `collectClass`. */
export interface CollectOptions {
  /** Reads standard input for the path `-` (default: none, `-` is then a missing file). */
  readonly stdin?: () => Promise<Uint8Array>;
}

function errnoText(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

function notRegular(info: Stats): string {
  if (info.isFIFO()) return 'it is a named pipe, not a regular file';
  if (info.isSocket()) return 'it is a socket, not a regular file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'it is a device, not a regular file';
  return 'it is not a regular file';
}

class Collector {
  readonly inputs: SubmissionInput[] = [];
  readonly ignored: SkippedEntry[] = [];

  async path(path: string, root: string, depth: number, named: boolean): Promise<void> {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      this.inputs.push({ kind: 'missing', path, reason: `cannot read ${path}: ${errnoText(error)}` });
      return;
    }
    if (info.isDirectory()) return this.directory(path, root, depth);
    const hint = lmsHintOf(relative(root, path) || path);
    const lms = hint === undefined ? {} : { lms: hint };
    if (!info.isFile()) {
      if (named || SUBMISSION.test(path)) this.inputs.push({ kind: 'missing', path, reason: `cannot read ${path}: ${notRegular(info)}`, ...lms });
      else this.ignored.push({ path, reason: notRegular(info) });
    } else if (ARCHIVE.test(path)) await this.archive(path, info);
    else if (!named && !SUBMISSION.test(path)) this.ignored.push({ path, reason: 'not a submission (.yaml, .yml, .json)' });
    else if (info.size > MAX_SUBMISSION_BYTES) this.inputs.push({ kind: 'missing', path, reason: `${path} is larger than ${MAX_SUBMISSION_BYTES} bytes (${info.size}); not read`, ...lms });
    else this.inputs.push({ kind: 'file', path, mtime: info.mtimeMs, ...lms });
  }

  async directory(path: string, root: string, depth: number): Promise<void> {
    if (depth >= MAX_DEPTH) {
      this.ignored.push({ path, reason: `folders nested more than ${MAX_DEPTH} deep are not read` });
      return;
    }
    let names: string[];
    try {
      names = await readdir(path);
    } catch (error) {
      this.inputs.push({ kind: 'missing', path, reason: `cannot read ${path}: ${errnoText(error)}` });
      return;
    }
    for (const name of names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (name.startsWith('.')) continue;
      await this.path(join(path, name), root, depth + 1, false);
    }
  }

  async archive(path: string, info: Stats): Promise<void> {
    if (info.size > MAX_ARCHIVE_BYTES) {
      this.inputs.push({ kind: 'missing', path, reason: `${path} is larger than ${MAX_ARCHIVE_BYTES} bytes; not read` });
      return;
    }
    const contents = readArchive(new Uint8Array(await readFile(path)), path);
    if (typeof contents === 'string') {
      this.inputs.push({ kind: 'missing', path, reason: contents });
      return;
    }
    for (const entry of contents.entries) {
      const hint = lmsHintOf(entry.path.slice(entry.path.indexOf('!') + 1));
      this.inputs.push({ kind: 'data', path: entry.path, bytes: entry.bytes, ...(hint === undefined ? {} : { lms: hint }) });
    }
    this.ignored.push(...contents.skipped);
  }
}

/**
 * Expands the paths given on the command line into inputs: a directory contributes its `.yaml`,
 * `.yml` and `.json` files at any depth (sorted by name; hidden files skipped; other files listed
 * in `ignored`), a `.zip` its submission files (nested zips too), `-` standard input, any other
 * path is taken as a submission. Only regular files are read: a named pipe, a device, an oversized
 * or a missing file becomes `missing` with the reason, so it still gets a row and never blocks.
 */
export async function collectClass(paths: readonly string[], options: CollectOptions = {}): Promise<CollectedClass> {
  const collector = new Collector();
  for (const path of paths) {
    if (path === '-' && options.stdin) {
      const bytes = await options.stdin();
      if (bytes.length > MAX_SUBMISSION_BYTES) collector.inputs.push({ kind: 'missing', path: '-', reason: `standard input is larger than ${MAX_SUBMISSION_BYTES} bytes; not read` });
      else collector.inputs.push({ kind: 'data', path: '-', bytes });
    } else await collector.path(path, path, 0, true);
  }
  return { inputs: collector.inputs, ignored: collector.ignored };
}

/** The inputs of `collectClass` alone (see there). */
export async function collectSubmissions(paths: readonly string[], options: CollectOptions = {}): Promise<SubmissionInput[]> {
  return [...(await collectClass(paths, options)).inputs];
}

/** Reads all of a stream (standard input) up to `limit + 1` bytes, so an oversized input is seen without reading it all. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, limit = MAX_SUBMISSION_BYTES): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    chunks.push(buffer);
    size += buffer.length;
    if (size > limit) break;
  }
  return new Uint8Array(Buffer.concat(chunks));
}
