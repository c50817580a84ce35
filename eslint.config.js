// ESLint for the whole repository (`npm run lint`, part of `npm test`): the recommended
// JavaScript and typescript-eslint rules, plus our own import check (scripts/check-imports.js).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Output of schema-gen (checked-in, generated), build output, test inputs and data.
    ignores: [
      'dist/',
      'coverage/',
      '.bench-out/',
      'generated/',
      'src/config/generated/',
      'examples/*/generated/',
      'test/fixtures/',
      'test/conformance/known-failures/',
      'test/conformance/known-type-failures/',
      'test/conformance/pending/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` is how a deliberately unused binding says so (a destructured-away key, a parameter a signature needs).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Imports used only as types say so (verbatimModuleSyntax keeps the rest at run time). `import('yaml')`
      // in a type is how a module loaded lazily is typed without loading it.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // Matching control characters is this project's job: terminal and code escaping, and tests that no raw one gets out.
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
);
