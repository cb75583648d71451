import nearley from 'nearley';
import grammar from './src/generated/grammar.ts';
import { prepareTokens } from './src/token-pass.ts';
import { TokenStream } from './src/lexer.ts';
const G = nearley.Grammar.fromCompiled(grammar as any);
for (const text of [Array.from({ length: 100 }, (_, i) => `A${i+1} .* B${i+1}`).join(' + '), Array.from({ length: 100 }, (_, i) => `(A${i+1} - B${i+1})' .* C${i+1}^2`).join(' + ')]) {
  const { tokens } = prepareTokens(text, 'plain');
  const p = new nearley.Parser(G, { lexer: new TokenStream(tokens), keepHistory: true });
  p.feed(text);
  const total = (p as any).table.reduce((s: number, c: any) => s + c.states.length, 0);
  console.log(tokens.length, total, (total / tokens.length).toFixed(2));
  if (process.argv[2]) for (const c of (p as any).table.slice(0, 12)) console.log(c.index, c.states.map((s: any) => s.toString()).join(' | '));
}
