import type { MarkdownRenderer } from 'vitepress';
import { EMPTY_STATE, isDialect, type PlaygroundState } from '../../apps/playground/src/state.ts';
import { encodeState } from '../../apps/playground/src/url-state.ts';
import { shellSession } from '../test/extract.ts';
import { escapeHtml } from '@odot/grader';

/** `odot` commands whose arguments the playground can show. */
const COMMANDS = new Set(['parse', 'eval', 'psd', 'simplify', 'equiv']);

/**
 * The playground state of an `odot` command line (`odot eval 'A ⊙ B' --let 'A=[[1,2]]' …`):
 * its expression (and second expression for `equiv`), `--given` lines, `--let` values and
 * `--dialect`. Undefined for commands the playground does not run (files, grading).
 */
export function playgroundStateOf(argv: readonly string[]): PlaygroundState | undefined {
  if (argv[0] !== 'odot' || !COMMANDS.has(argv[1] ?? '')) return undefined;
  const positional: string[] = [];
  const givens: string[] = [];
  const bindings: string[] = [];
  let dialect = EMPTY_STATE.dialect;
  for (let i = 2; i < argv.length; i++) {
    const word = argv[i] ?? '';
    const [flag, inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    const value = (): string => inline ?? argv[++i] ?? '';
    if (flag === '--given') givens.push(value());
    else if (flag === '--let') {
      const binding = value();
      const eq = binding.indexOf('=');
      bindings.push(eq < 0 ? binding : `${binding.slice(0, eq).trim()} = ${binding.slice(eq + 1).trim()}`);
    } else if (flag === '--dialect') {
      const d = value();
      if (isDialect(d)) dialect = d;
    } else if (!word.startsWith('-')) positional.push(word);
  }
  const expr = positional[0];
  if (expr === undefined) return undefined;
  return { ...EMPTY_STATE, expr, dialect, givens: givens.join('\n'), bindings: bindings.join('\n'), other: argv[1] === 'equiv' ? (positional[1] ?? '') : '' };
}

const link = (state: PlaygroundState, label: string): string =>
  `<a class="open-in-playground" href="/playground.html${escapeHtml(encodeState(state))}">Open in playground</a> <code>${escapeHtml(label)}</code>`;

/**
 * markdown-it plugin: after each ` ```sh ` session with `odot` expression commands and each
 * ` ```proof ` block, an "Open in playground" link carrying that example's state.
 */
export function openInPlaygroundPlugin(md: MarkdownRenderer): void {
  const fence = md.renderer.rules.fence;
  if (!fence) throw new Error('markdown-it has no fence renderer to extend');
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const html = fence(tokens, idx, options, env, self);
    const token = tokens[idx];
    if (!token) return html;
    const lang = token.info.trim().split(/\s+/)[0];
    const links: string[] = [];
    if (lang === 'proof') links.push(link({ ...EMPTY_STATE, proof: token.content.trimEnd() }, 'this proof'));
    else if (lang === 'sh' && token.content.startsWith('$ ') && token.content.includes('$ odot ')) {
      for (const command of shellSession(token.content.trimEnd())) {
        const state = playgroundStateOf(command.argv);
        if (state) links.push(link(state, command.command));
      }
    }
    if (links.length === 0) return html;
    return `${html}<div class="playground-links" data-testid="open-in-playground">${links.map((l) => `<p>${l}</p>`).join('')}</div>\n`;
  };
}
