import { unzipSync } from 'fflate';

/** Who a file belongs to, read from an LMS archive path. */
export interface LmsHint {
  readonly lms: 'moodle' | 'canvas';
  /** The name in the path: Moodle's full name, Canvas's squashed `surnamefirst`. */
  readonly name: string;
  /** Moodle's participant id or Canvas's user id. */
  readonly userId: string;
  /** Canvas marks late submissions with `_LATE_`. */
  readonly late?: boolean;
}

const MOODLE = /^(.+?)_(\d+)_assignsubmission_([a-z]+)_(.*)$/i;
const CANVAS = /^([^_/]+?)(_LATE)?_(\d+)_(\d+)_(.+)$/i;

/**
 * Reads the student from a path inside a "download all submissions" archive: Moodle's
 * `Full Name_12345_assignsubmission_file_/answers.yaml` (a folder per student, or the older flat
 * `…_assignsubmission_file_answers.yaml`) and Canvas's `name_12345_67890_answers.yaml` or
 * `name_LATE_12345_67890_answers.yaml`. Undefined for any other path.
 */
export function lmsHintOf(path: string): LmsHint | undefined {
  const segments = path.split(/[\\/]/).filter((s) => s !== '');
  for (const segment of segments) {
    const m = MOODLE.exec(segment);
    if (m) return { lms: 'moodle', name: (m[1] ?? '').trim(), userId: m[2] ?? '' };
  }
  const base = segments.at(-1) ?? '';
  const c = CANVAS.exec(base);
  if (c) return { lms: 'canvas', name: c[1] ?? '', userId: c[3] ?? '', ...(c[2] ? { late: true } : {}) };
  return undefined;
}

/** One file of an archive. */
export interface ArchiveEntry {
  /** `archive.zip!folder/file.yaml` (nested archives add another `!`). */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** A file of an archive that is not read. */
export interface SkippedEntry {
  readonly path: string;
  readonly reason: string;
}

/** Limits for reading archives. */
export interface ArchiveLimits {
  /** Largest file read (uncompressed bytes). */
  readonly maxFileBytes: number;
  /** Largest total read from one archive, nested ones included. */
  readonly maxTotalBytes: number;
  /** Archives inside archives, at most this deep. */
  readonly maxDepth: number;
}

/** The default limits: 1 MiB a file, 256 MiB an archive, archives nested 3 deep. */
export const ARCHIVE_LIMITS: ArchiveLimits = { maxFileBytes: 1 << 20, maxTotalBytes: 256 << 20, maxDepth: 3 };

const SUBMISSION = /\.(ya?ml|json)$/i;
const ARCHIVE = /\.zip$/i;

/** What reading an archive gives: submission files, files left aside, or why it could not be read. */
export interface ArchiveContents {
  readonly entries: readonly ArchiveEntry[];
  readonly skipped: readonly SkippedEntry[];
}

function unzip(bytes: Uint8Array, name: string, limits: ArchiveLimits, skipped: SkippedEntry[]): Record<string, Uint8Array> | string {
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith('/')) return false;
        const wanted = SUBMISSION.test(file.name) || ARCHIVE.test(file.name);
        const limit = ARCHIVE.test(file.name) ? limits.maxTotalBytes : limits.maxFileBytes;
        if (wanted && file.originalSize > limit) {
          skipped.push({ path: `${name}!${file.name}`, reason: `larger than ${limit} bytes` });
          return false;
        }
        return wanted || (skipped.push({ path: `${name}!${file.name}`, reason: 'not a submission (.yaml, .yml, .json)' }), false);
      },
    });
  } catch (error) {
    return `cannot read ${name} as a zip archive: ${(error as Error).message}`;
  }
}

/**
 * Reads the submission files of a zip archive (an LMS's "download all submissions"), in path
 * order: `.yaml`, `.yml` and `.json` files at any depth, zips inside read the same way; every other
 * file is listed in `skipped` with the reason. A file that is not a zip is an error message.
 */
export function readArchive(bytes: Uint8Array, name: string, limits: ArchiveLimits = ARCHIVE_LIMITS, depth = 0): ArchiveContents | string {
  const skipped: SkippedEntry[] = [];
  const files = unzip(bytes, name, limits, skipped);
  if (typeof files === 'string') return files;
  const entries: ArchiveEntry[] = [];
  let total = 0;
  for (const inner of Object.keys(files).sort()) {
    const data = files[inner] as Uint8Array;
    const path = `${name}!${inner}`;
    total += data.length;
    if (total > limits.maxTotalBytes) {
      skipped.push({ path, reason: `the archive holds more than ${limits.maxTotalBytes} bytes; the rest is not read` });
      continue;
    }
    if (/(^|\/)__MACOSX\//.test(inner)) skipped.push({ path, reason: 'macOS metadata, not a submission' });
    else if (!ARCHIVE.test(inner)) entries.push({ path, bytes: data });
    else if (depth + 1 > limits.maxDepth) skipped.push({ path, reason: `archives nested more than ${limits.maxDepth} deep are not read` });
    else {
      const nested = readArchive(data, path, limits, depth + 1);
      if (typeof nested === 'string') skipped.push({ path, reason: nested });
      else {
        entries.push(...nested.entries);
        skipped.push(...nested.skipped);
      }
    }
  }
  return { entries, skipped };
}
