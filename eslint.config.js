// Lint and layering rules (docs/architecture.md "Guardrails"). Part of `npm test`; zero warnings allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layers from './scripts/lint/layers.mjs';

const noDateNow = {
  selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
  message: 'The core reads time from ctx.now or its injected clock (main/core/clock.ts), never Date.now().',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'release-test/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'renderer/dist/**'] },
  {
    files: ['main/**/*.ts', 'shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}', 'test/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.ts', '*.js'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['main/**/*.ts', 'shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    plugins: { layers },
    rules: { 'layers/imports': 'error' },
  },
  {
    files: ['main/core/**/*.ts'],
    ignores: ['main/core/clock.ts'],
    rules: { 'no-restricted-syntax': ['error', noDateNow] },
  },
  {
    // Playwright reads a fixture's first parameter as a destructuring pattern, `{}` when it needs none.
    files: ['test/e2e/**/*.ts', 'test/electron/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
