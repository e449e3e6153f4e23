import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Which layer may import which: shared imports none of the others; the others import shared and never each other. */
const layers = {
  shared: ['renderer', 'electron', 'sync-server', 'e2e', 'scripts'],
  renderer: ['electron', 'sync-server', 'e2e', 'scripts'],
  electron: ['renderer', 'sync-server', 'e2e', 'scripts'],
  'sync-server': ['renderer', 'electron', 'e2e', 'scripts'],
};

const boundaryRules = Object.entries(layers).map(([layer, forbidden]) => ({
  files: [`${layer}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((other) => ({ group: [`**/${other}/**`, `**/${other}`], message: `${layer}/ may not import ${other}/ (see docs/architecture.md: imports go one way).` })),
          ...(layer === 'shared'
            ? [
                { group: ['node:*', 'fs', 'path', 'os', 'http', 'crypto'], message: 'shared/ runs anywhere: no Node built-ins.' },
                { group: ['react', 'react-dom', 'electron', 'zustand', 'dexie'], message: 'shared/ is the platform-free domain.' },
                { regex: '^rxdb(?!$)', message: 'shared/ may use rxdb types only, never its plugins.' },
              ]
            : []),
        ],
      },
    ],
  },
}));

/**
 * Inside renderer/: the till and head office's app never import each other; both may use ui-kit/
 * (which imports neither) and shared/. Repeats the renderer layer's patterns, since a later rule
 * for the same files replaces the earlier one rather than adding to it.
 */
const rendererLayer = layers.renderer.map((other) => ({ group: [`**/${other}/**`, `**/${other}`], message: `renderer/ may not import ${other}/ (see docs/architecture.md: imports go one way).` }));
const notTheTill = { group: ['**/till/**', './till/*'], message: 'The office app and the ui-kit do not import the till; share through ui-kit/ or shared/.' };
const notTheOffice = { group: ['**/office/**', './office/*'], message: 'The till and the ui-kit do not import the office app; share through ui-kit/ or shared/.' };
const rendererParts = [
  { files: ['renderer/src/office/**/*.{ts,tsx}'], patterns: [notTheTill] },
  { files: ['renderer/src/ui-kit/**/*.{ts,tsx}'], patterns: [notTheTill, notTheOffice] },
  { files: ['renderer/src/till/**/*.{ts,tsx}', 'renderer/src/bench/**/*.{ts,tsx}'], patterns: [notTheOffice] },
].map(({ files, patterns }) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: [...rendererLayer, ...patterns] }] } }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: 'error',
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
  },
  ...boundaryRules,
  ...rendererParts,
);
