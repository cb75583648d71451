import { assertNever } from './assert-never.ts';
import type { Expr } from './expr.ts';
import { printSexpr } from './print-sexpr.ts';
import { printAscii, printLatex, printPlain } from './print-text.ts';
import { toJson } from './to-json.ts';

/** The output formats of `printExpr`. */
export type PrintFormat = 'plain' | 'ascii' | 'latex' | 'sexpr' | 'json';

/** All print formats, for option parsing (`--print`). */
export const PRINT_FORMATS: readonly PrintFormat[] = ['plain', 'ascii', 'latex', 'sexpr', 'json'];

/** Prints an expression in the given format (default `plain`). */
export function printExpr(expr: Expr, format: PrintFormat = 'plain'): string {
  switch (format) {
    case 'plain':
      return printPlain(expr);
    case 'ascii':
      return printAscii(expr);
    case 'latex':
      return printLatex(expr);
    case 'sexpr':
      return printSexpr(expr);
    case 'json':
      return toJson(expr);
    default:
      return assertNever(format);
  }
}
