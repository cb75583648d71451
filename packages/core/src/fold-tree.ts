import { tick } from './budget.ts';

/** One node's part of a bottom-up fold: the children to fold first, and how to combine their results. */
export interface FoldStep<N, R> {
  readonly children: readonly N[];
  readonly combine: (results: readonly R[]) => R;
}

/** Optional hooks of `foldTree`. */
export interface FoldHooks<N, R> {
  /** A result known without expanding the node (a memo), or undefined. */
  readonly known?: (node: N) => R | undefined;
  /** Called with each result computed (to fill the memo). */
  readonly done?: (node: N, result: R) => void;
  /** A result that ends the whole fold at once (it becomes the fold's result). */
  readonly aborts?: (result: R) => boolean;
}

/**
 * Folds a tree bottom-up with an explicit stack, so any depth is safe (a 100 000-deep nesting of
 * transposes needs no call stack). Children are folded left to right, each expanded node ticks
 * against the active budgets (core's `tick`), so a fold inside a budgeted call stops with it.
 */
export function foldTree<N, R>(root: N, expand: (node: N) => FoldStep<N, R>, hooks: FoldHooks<N, R> = {}): R {
  const { known, done, aborts } = hooks;
  const first = known?.(root);
  if (first !== undefined) return first;
  interface Frame {
    readonly node: N;
    readonly step: FoldStep<N, R>;
    readonly results: R[];
  }
  tick();
  const stack: Frame[] = [{ node: root, step: expand(root), results: [] }];
  for (;;) {
    const top = stack[stack.length - 1] as Frame;
    const { children } = top.step;
    if (top.results.length < children.length) {
      const child = children[top.results.length] as N;
      const hit = known?.(child);
      if (hit !== undefined) {
        top.results.push(hit);
        continue;
      }
      tick();
      const step = expand(child);
      if (step.children.length > 0) {
        stack.push({ node: child, step, results: [] });
        continue;
      }
      // A leaf is combined at once, without a frame.
      const leaf = step.combine([]);
      if (aborts?.(leaf)) return leaf;
      done?.(child, leaf);
      top.results.push(leaf);
      continue;
    }
    stack.pop();
    const result = top.step.combine(top.results);
    if (aborts?.(result)) return result;
    done?.(top.node, result);
    const parent = stack[stack.length - 1];
    if (!parent) return result;
    parent.results.push(result);
  }
}
