// Lint for the whole workspace. Besides typescript-eslint's recommended rules (not the type-checked
// set, to stay fast), it enforces the direction of dependencies of the style guide (Boundaries, 1):
//   shared <- nodes <- runtime;  editor -> shared only;  test uses everything, nothing uses test.
// Each folder's allow or deny list is one `no-restricted-imports` entry; ESLint replaces (does not
// merge) a rule's options when two config objects match a file, so `restrictImports` adds the
// rules every package shares to each entry.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const PACKAGES = ['shared', 'nodes', 'runtime', 'editor', 'test'];
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];

/** Rules for every package: import another package by its name and index only. */
const SHARED_PATTERNS = [
  {
    // `<package>/testing` is a declared entry point (package.json exports) of test helpers.
    regex: '^@countersign/[^/]+/(?!testing$)',
    message: 'Import a workspace package by its name (its src/index.ts, or its declared /testing entry), not a file inside it.',
  },
  {
    regex: `^(\\.\\./)+(.*/)?(${PACKAGES.join('|')})/src(/|$)`,
    message: 'Do not reach into another package by a relative path: import it by its name.',
  },
];

/** Allows only the imports that match `allowed` (regex alternatives), besides relative files. */
function allowOnly(allowed, message) {
  return { regex: `^(?!(${allowed.join('|')})(/|$)|\\.{1,2}/)`, message };
}

/** One `no-restricted-imports` entry for `files`, with the shared rules added. */
function restrictImports(files, { paths = [], patterns = [] }, ignores = []) {
  return {
    files,
    ignores,
    rules: { 'no-restricted-imports': ['error', { paths, patterns: [...SHARED_PATTERNS, ...patterns] }] },
  };
}

/** Globals of Node scripts (.js/.mjs); TypeScript files get theirs from the type checker. */
const NODE_GLOBALS = Object.fromEntries(
  [
    'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'fetch', 'AbortController', 'TextEncoder',
    'TextDecoder', 'structuredClone', 'queueMicrotask', 'setTimeout', 'clearTimeout', 'setInterval',
    'clearInterval', 'setImmediate', 'clearImmediate',
  ].map((name) => [name, 'readonly']),
);

const NODE_BUILTINS = { regex: '^node:', message: 'Node built-ins are not allowed here.' };

export default defineConfig([
  globalIgnores([
    '**/dist/',
    '**/dist-embed/',
    '**/node_modules/',
    '**/data/',
    '**/test-artifacts/',
    '**/coverage/',
    '.countersign/',
  ]),

  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: NODE_GLOBALS,
    },
  },

  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  // A focused test (`.only`) would silently skip the rest of the suite in CI.
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test', 'suite'].map((object) => ({
          object,
          property: 'only',
          message: 'Remove .only before committing: it skips every other test.',
        })),
      ],
    },
  },

  // Defaults for every package; the entries below replace it for their folders.
  restrictImports(['**/*.{ts,tsx}'], {}),

  // shared: framework-free, zod only; tests may use vitest.
  restrictImports(['shared/src/**/*.{ts,tsx}'], {
    patterns: [allowOnly(['zod'], 'shared is framework-free: it imports only zod and its own files (no Node built-ins, React or other packages).')],
  }, TEST_FILES),
  restrictImports(['shared/src/**/*.test.{ts,tsx}'], {
    patterns: [allowOnly(['zod', 'vitest'], 'shared tests import only zod, vitest and shared files.')],
  }),

  // nodes: data plus pure execute; no database, server, UI or Node built-ins.
  restrictImports(['nodes/src/**/*.{ts,tsx}'], {
    patterns: [allowOnly(['@countersign/shared', 'zod'], 'nodes import only @countersign/shared, zod and their own files: the runtime injects everything else through the execution context.')],
  }, TEST_FILES),
  restrictImports(['nodes/src/**/*.test.{ts,tsx}'], {
    patterns: [allowOnly(['@countersign/shared', 'zod', 'vitest'], 'node tests import only @countersign/shared, zod, vitest and nodes files.')],
  }),

  // runtime: uses shared and nodes; never the editor or the test package.
  restrictImports(['runtime/src/**/*.{ts,tsx}'], {
    paths: [
      { name: '@countersign/editor', message: 'The runtime does not depend on the editor (it serves editor/dist as files).' },
      { name: '@countersign/test', message: 'Nothing depends on the test package.' },
    ],
  }),

  // editor: talks to the runtime over HTTP and socket.io only.
  restrictImports(['editor/src/**/*.{ts,tsx}'], {
    paths: [
      { name: '@countersign/runtime', message: 'The editor uses only @countersign/shared; it talks to the runtime over HTTP and socket.io.' },
      { name: '@countersign/nodes', message: 'The editor learns node types as data from GET /api/node-types.' },
      { name: '@countersign/test', message: 'Nothing depends on the test package.' },
    ],
    patterns: [NODE_BUILTINS],
  }),
]);
