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
const WINDOW_SAFETY = [
  { selector: "Property[key.name='sandbox'][value.value=false]", message: 'Windows are always sandboxed.' },
  { selector: "Property[key.name='nodeIntegration'][value.value=true]", message: 'Node integration stays off.' },
  { selector: "Property[key.name='contextIsolation'][value.value=false]", message: 'Context isolation stays on.' },
];
const nodeBuiltinPatterns = [...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `node:${m}`), 'node:*'];

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
/** Features that may not import each other at all, not even through an index.ts. */
const APART = { clients: ['assignments'], assignments: ['clients'] };
const featureIsolation = FEATURES.map((feature) => {
  const others = FEATURES.filter((f) => f !== feature);
  const apart = APART[feature] ?? [];
  return {
    files: [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...RENDERER_IMPORTS,
          patterns: [
            ...RENDERER_IMPORTS.patterns,
            {
              regex: `^(\\.\\./)+(${others.join('|')})/|(^|/)features/`,
              message:
                "Features do not import each other's files: only what a feature exports from its index.ts. Move what two features share to renderer/src/components or renderer/src/api; join features in renderer/src/app.",
            },
            ...(apart.length
              ? [
                  {
                    regex: `^(\\.\\./)+(${apart.join('|')})(/|$)`,
                    message: `${feature} and ${apart.join(', ')} do not import each other: share through renderer/src/components or renderer/src/api, join in renderer/src/app.`,
                  },
                ]
              : []),
          ],
        },
      ],
    },
  };
});

// Query keys come from the factory in renderer/src/api/keys.ts, never written by hand.
const RAW_QUERY_KEY = 'Query keys come from queryKeys in renderer/src/api/keys.ts: no literal array as a key.';
const RENDERER_SYNTAX = [
  ...WINDOW_SAFETY,
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
      'no-restricted-syntax': ['error', ...WINDOW_SAFETY],
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
  // Services read through `core.read` and write only inside `core.write()` (ARCHITECTURE.md rule 5):
  // no connection, no raw statements, no transaction of their own.
  {
    files: ['electron/core/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'electron/core and shared run in plain Node: never import electron here.' },
            { name: 'better-sqlite3', message: 'Services never hold a connection: read with core.read, write in core.write().' },
            {
              name: 'better-sqlite3-multiple-ciphers',
              message: 'Services never hold a connection: read with core.read, write in core.write().',
            },
            {
              name: '../core',
              importNames: ['Core'],
              message: 'Services see the core as CoreContext, which has no database handle.',
            },
          ],
          patterns: [
            { group: ['electron/*'], message: 'No Electron here.' },
            {
              group: ['**/vault/vault', '**/vault/migrate', '**/vault/migrations', '**/vault/migrations/*'],
              message: 'The vault and its migrations own the connection; services use CoreContext.',
            },
            { group: ['**/db/audit'], message: 'Audit events are part of core.write(audit, fn).' },
            { group: ['**/db/handle'], importNames: ['inTransaction'], message: 'Transactions are core.write(audit, fn).' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...WINDOW_SAFETY,
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|exec|pragma|transaction|iterate)$/]',
          message:
            'Services use no raw statements: read with core.read.get/all/pluck(sql`…`), write with w.run(sql`…`) in core.write().',
        },
        {
          selector:
            "CallExpression[callee.property.name='run']:not([arguments.length=1][arguments.0.type='TaggedTemplateExpression'][arguments.0.tag.name='sql'])",
          message: 'A write is w.run(sql`…`) inside core.write(), with the statement written where it runs.',
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
  // The host module: the one door to the core for every host. Free of Electron and of the core's
  // services, so the main process can use it without bundling the database or pdfkit.
  {
    files: ['electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/host runs in every host: never import electron here.' }],
          patterns: [
            { group: ['electron/*'], message: 'No Electron here.' },
            {
              group: ['**/core/**', '**/main/**', '**/preload/**', '**/renderer/**'],
              message: 'electron/host imports only shared/ (the contract) and Node: not the core, main or renderer.',
            },
          ],
        },
      ],
    },
  },
  // The main process reaches the core only through electron/host (its worker runs the core).
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/**', '**/core'],
              message: 'electron/main does not import the core (it would bundle its services): use electron/host.',
            },
          ],
        },
      ],
    },
  },
  // The preload carries channel names only: no schemas, no zod.
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'The preload carries no zod: the main process and the core check every call.' }],
          patterns: [
            {
              regex: 'shared/contract(/index)?$',
              message: 'The preload imports the channel names (shared/contract/channels), not the schemas.',
            },
            { group: ['**/electron/core/**', '**/electron/host/**', '**/core/**', '**/host/**'], message: 'Not in the preload.' },
          ],
        },
      ],
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
  { files: ['renderer/src/api/keys.ts'], rules: { 'no-restricted-syntax': ['error', ...WINDOW_SAFETY] } },
);
