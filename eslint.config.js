// ESLint's recommended rules over every JavaScript file we write (the page, its workers, the
// tests and the scripts); run by scripts/test.sh.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['pkg/', 'dist/', 'node_modules/', 'target/', 'tests/e2e/artifacts/', 'bench/results/'] },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.worker, ...globals.node },
    },
  },
];
