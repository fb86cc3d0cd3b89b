// Lint gates every deploy and every CI run (npm test), as typecheck and tests do.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'build/', 'node_modules/', 'test-results/', 'bench/.data/', 'bench/results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // Apps Script and sidebar code must not reach for eval-like constructs (security rule of the project).
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Prettier breaks a long member chain before `[i]` (`.split('\n')\n[line]`), which this rule
      // reports; Prettier never writes the ASI hazard the rule exists for.
      'no-unexpected-multiline': 'off',
      // Prettier wraps code at 110 columns but leaves long strings and comments alone: those are
      // split by hand. Regexes, URLs and box-drawn tables in comments may run longer.
      'max-len': ['error', { code: 160, ignoreRegExpLiterals: true, ignoreUrls: true, ignorePattern: '│' }],
    },
  },
  {
    // The emulator and tests stand in for Apps Script objects whose shapes are loose by nature.
    files: ['emulator/**', 'test/**', 'bench/**', 'playground/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests hand the code numbers that already lost digits, as Sheets does with 18-digit IDs; the
    // normal-quantile coefficients are kept exactly as published.
    files: ['test/**', 'src/core/forecast/normal.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
      },
    },
  },
);
