/** Compile-time exhaustiveness check for `switch (node.type)`; throws if ever reached at run time. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
