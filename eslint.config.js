import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'util',
  'stream',
  'url',
  'events',
  'buffer',
  'zlib',
  'http',
  'https',
  'net',
  'tls',
  'dns',
  'readline',
  'process',
  'module',
  'v8',
  'vm',
];
const nodeBuiltinPatterns = [...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `node:${m}`), 'node:*'];

const SECURITY_SYNTAX = [
  { selector: "Property[key.name='sandbox'][value.value=false]", message: 'Windows are always sandboxed.' },
  { selector: "Property[key.name='nodeIntegration'][value.value=true]", message: 'Node integration stays off.' },
  { selector: "Property[key.name='contextIsolation'][value.value=false]", message: 'Context isolation stays on.' },
];

// The renderer: imports allowed everywhere in it, then what each feature folder may not import.
const RENDERER_IMPORTS = {
  paths: [{ name: 'electron', message: 'The renderer talks to the main process only through window.stepwise.' }],
  patterns: [
    { group: ['**/electron/**', 'electron/*'], message: 'The renderer imports nothing from electron/.' },
    { group: nodeBuiltinPatterns, message: 'The renderer has no Node.' },
  ],
};
const FEATURES = readdirSync(new URL('./renderer/src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const featureIsolation = FEATURES.map((feature) => ({
  files: [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        ...RENDERER_IMPORTS,
        patterns: [
          ...RENDERER_IMPORTS.patterns,
          {
            regex: `^(\\.\\./)+(${FEATURES.filter((f) => f !== feature).join('|')})(/|$)|(^|/)features/`,
            message:
              'Features do not import each other. Move what two features share to renderer/src/components or renderer/src/api, and join features in renderer/src/app.',
          },
        ],
      },
    ],
  },
}));

// Query keys come from the factory in renderer/src/api/keys.ts, never written by hand.
const RAW_QUERY_KEY = 'Query keys come from queryKeys in renderer/src/api/keys.ts: no literal array as a key.';
const RENDERER_SYNTAX = [
  ...SECURITY_SYNTAX,
  { selector: 'Property[key.name=/^(queryKey|mutationKey)$/] > ArrayExpression.value', message: RAW_QUERY_KEY },
  {
    selector:
      'CallExpression[callee.property.name=/^(setQueryData|getQueryData|getQueryState|ensureQueryData|fetchQuery|prefetchQuery)$/] > ArrayExpression.arguments:first-child',
    message: RAW_QUERY_KEY,
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'build/**', 'node_modules/**', 'tests/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' }],
      'no-restricted-syntax': ['error', ...SECURITY_SYNTAX],
    },
  },
  // The layers (ARCHITECTURE.md): a wrong arrow fails the lint.
  {
    files: ['electron/core/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/core and shared run in plain Node: never import electron here.' }],
          patterns: [{ group: ['electron/*'], message: 'No Electron here.' }],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is used by both sides: no Electron.' }, 'react', 'react-dom'],
          patterns: [
            { group: nodeBuiltinPatterns, message: 'shared/ is used by both sides: no Node modules.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from electron/ or renderer/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', RENDERER_IMPORTS],
      'no-restricted-syntax': ['error', ...RENDERER_SYNTAX],
    },
  },
  ...featureIsolation,
  { files: ['renderer/src/api/keys.ts'], rules: { 'no-restricted-syntax': ['error', ...SECURITY_SYNTAX] } },
);
