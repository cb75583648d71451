import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scanFences } from '@odot/core';

/** A fenced code block of a docs page. */
export interface CodeBlock {
  /** Page path relative to the docs folder. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The language (first word of the info string). */
  readonly lang: string;
  /** The rest of the info string (`runnable`, `setup`, `invalid`, …). */
  readonly tags: readonly string[];
  readonly code: string;
}

/** Extracts every fenced code block (``` or ~~~) of a Markdown text, with its position (core's CommonMark `scanFences`). */
export function extractBlocks(markdown: string, file: string): CodeBlock[] {
  return scanFences(markdown.split(/\r?\n/)).map((fence) => {
    const [first = '', ...tags] = fence.info.split(/\s+/).filter((t) => t !== '');
    return { file, line: fence.open + 1, lang: first.replace(/[:{].*$/, ''), tags, code: fence.body.join('\n') };
  });
}

/** Folders of generated pages: TypeDoc's API reference shows signatures, not examples to run. */
const GENERATED = new Set(['api/reference']);

/** Every hand-written Markdown page of the docs (not node_modules, not the build output, not the generated reference). */
export function docsPages(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'test-results') continue;
      const path = join(dir, entry.name);
      if (GENERATED.has(relative(root, path).split('\\').join('/'))) continue;
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.md') && entry.name !== 'README.md') out.push(path);
    }
  };
  visit(root);
  return out.sort();
}

/** Every code block of every docs page. */
export function allBlocks(root: string): CodeBlock[] {
  return docsPages(root).flatMap((path) => extractBlocks(readFileSync(path, 'utf8'), relative(root, path)));
}

/** One shell command of an example session and the output shown under it. */
export interface ShellCommand {
  readonly command: string;
  readonly argv: readonly string[];
  /** Expected exit code: 0 unless the line ends in `# exit N`. */
  readonly exit: number;
  readonly output: string;
}

/**
 * Reads a shell session: lines `$ cmd` (optionally ending in `# exit N`) each followed by
 * the output they print (until the next `$` line).
 */
export function shellSession(code: string): ShellCommand[] {
  const commands: { command: string; exit: number; output: string[] }[] = [];
  for (const line of code.split('\n')) {
    if (line.startsWith('$ ')) {
      const exitMatch = /\s+#\s*exit\s+(\d+)\s*$/.exec(line);
      const command = (exitMatch ? line.slice(0, exitMatch.index) : line).slice(2).trim();
      commands.push({ command, exit: exitMatch ? Number(exitMatch[1]) : 0, output: [] });
    } else {
      const last = commands[commands.length - 1];
      if (!last) throw new Error(`output before any command: ${JSON.stringify(line)}`);
      last.output.push(line);
    }
  }
  return commands.map((c) => ({ command: c.command, argv: splitArgs(c.command), exit: c.exit, output: c.output.join('\n').trimEnd() }));
}

/** Splits a command line into words like a POSIX shell (single and double quotes, backslash escapes). */
export function splitArgs(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i] as string;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in ${command}`);
      word += command.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      i += 1;
      for (; i < command.length && command[i] !== '"'; i++) {
        if (command[i] === '\\' && i + 1 < command.length && '"\\$`'.includes(command[i + 1] as string)) i += 1;
        word += command.charAt(i);
      }
      if (i >= command.length) throw new Error(`unterminated " in ${command}`);
      inWord = true;
    } else if (c === '\\' && i + 1 < command.length) {
      word += command.charAt(i + 1);
      i += 1;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
