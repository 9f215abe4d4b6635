// Lint as a habit, and the runtime rules as errors: what runs in the helpdesk page stays small
// (no zod, React or Dexie), and the pure folders use no browser, DOM, clock or randomness.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Code that runs inside the helpdesk page. */
const PAGE_CODE = ['lib/content/**/*.ts', 'lib/helpdesk/*/content/**/*.ts', 'entrypoints/*.content.ts'];
/** Pure code: rules and formats, testable anywhere. */
const PURE_CODE = [
  'lib/rubric/**/*.ts',
  'lib/review/**/*.ts',
  'lib/analytics/**/*.ts',
  'lib/export/**/*.ts',
  'lib/selfcheck/**/*.ts',
  'lib/helpdesk/*.ts',
  'lib/helpdesk/*/*.ts',
];

const heavyInPage = [
  { name: 'zod', message: 'Content scripts stay small: parse in the background.' },
  { name: 'zod/mini', message: 'Content scripts stay small: parse in the background.' },
  { name: 'react', message: 'No React in the helpdesk page.' },
  { name: 'react-dom', message: 'No React in the helpdesk page.' },
  { name: 'dexie', message: 'IndexedDB opened in a page belongs to the helpdesk: store in the background.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, defineBackground: 'readonly', defineContentScript: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Ticket content is hostile: render text.' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Ticket content is hostile: use textContent or DOM calls.' },
        { property: 'outerHTML', message: 'Ticket content is hostile: use textContent or DOM calls.' },
        { property: 'insertAdjacentHTML', message: 'Ticket content is hostile: use DOM calls.' },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: PAGE_CODE,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: heavyInPage.map((p) => ({ ...p, allowTypeImports: true })),
          patterns: [
            { group: ['**/zod', '**/db/*', '**/messaging/protocol', '**/messaging/protocol/*', '**/messaging/client'], message: 'Page code imports only types from the protocol (no zod, no Dexie).', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    files: PURE_CODE,
    ignores: ['lib/helpdesk/*/content/**'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'wxt/browser', message: 'Pure code: pass what it needs in.' },
            { name: 'webextension-polyfill', message: 'Pure code: pass what it needs in.' },
            { name: 'dexie', message: 'Pure code: storage lives in lib/db.' },
            { name: 'react', message: 'Pure code: no UI.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'browser', 'chrome', 'document', 'window', 'navigator', 'localStorage', 'fetch', 'location'],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pure code: take the time as an argument.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pure code: take the time as an argument.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Pure code: take randomness as an argument.' },
        { selector: "CallExpression[callee.object.name='crypto']", message: 'Pure code: take ids and randomness as arguments.' },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}'],
    // Playwright reads a fixture's dependencies from its destructured first argument, so a fixture
    // without any is written `async ({}, use) => …`.
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' },
  },
);
