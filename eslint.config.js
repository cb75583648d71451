// The one ESLint config of the monorepo: flat config, ESLint 9, typescript-eslint's type-checked
// presets. Each package's `lint` script runs `eslint .` in its folder (through turbo's `lint`
// task, cached per package) and finds this file by walking up; `lint:root` lints the files at the
// root. The README's "Linting" section gives the reason for every rule turned down here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** A catch clause without a binding cannot look at what it caught, so it swallows every exception. */
const NO_BLIND_CATCH = {
  selector: 'CatchClause[param=null]',
  message:
    'A catch without a binding swallows every exception, bugs included: catch the expected error (`catch (error) { if (!(error instanceof X)) throw error; … }`).',
};

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/src/generated/**',
      '**/*.generated.ts',
      '**/.turbo/**',
      '**/.vitepress/cache/**',
      '**/out/**',
      '**/test-results/**',
      '**/.runnable/**', // the docs tests' extracted examples (written while they run)
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file is checked with the nearest tsconfig.json; the root's `vitest.shared.ts` and `vitest.tmpdir.ts` have none.
        projectService: { allowDefaultProject: ['vitest.shared.ts', 'vitest.tmpdir.ts'], defaultProject: 'tsconfig.base.json' },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A switch over a union lists every member (or ends in `default: assertNever(x)`).
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // `typeof import('…')` types a dynamic import (bench/grade.ts loads the built grader).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'all', caughtErrorsIgnorePattern: '^_' },
      ],
      // Numbers, bigints and booleans print as expected in messages. `undefined` is allowed too:
      // with noUncheckedIndexedAccess every regex group (`match[1]`) is `string | undefined`.
      // Objects, arrays and `any` still have to be turned into text on purpose.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true, allowRegExp: true, allowAny: false, allowNever: false },
      ],
      // `() => set(x)` as a callback and `return render()` in a void function read as intended.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
      // Spreading a string into code points is how the lexers and printers walk symbols such as `ᵀ`.
      '@typescript-eslint/no-misused-spread': ['error', { allow: [{ from: 'lib', name: 'string' }] }],
      // An `async` function without `await` is how a synchronous body meets a Promise-typed
      // interface (`readStdin`, a benchmark's `run`); making it non-async would turn its throws
      // into synchronous ones.
      '@typescript-eslint/require-await': 'off',
      // Reports guards that are needed at run time, because the types promise more than the values
      // keep: DOM types without `undefined` (`navigator.clipboard?.` in an insecure context), JSON
      // checked after a cast, `JSON.stringify(x) ?? …`, flags set inside a closure. None of the 24
      // reports when it was introduced was a bug.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-restricted-syntax': ['error', NO_BLIND_CATCH],
    },
  },
  {
    // Tests: indexing a fixture (`theorems[0]!`) and reading JSON output (`any`) are the point of
    // the test, and a wrong guess fails the test anyway.
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // The VitePress theme imports `.vue` files, which TypeScript alone cannot type.
    files: ['docs/.vitepress/theme/**/*.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parserOptions: { projectService: false } },
  },
  {
    // Node scripts in plain JavaScript: the recommended rules, without type information.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    rules: {
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-restricted-syntax': ['error', NO_BLIND_CATCH],
    },
  },
);
