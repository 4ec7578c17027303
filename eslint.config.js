import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read the environment in server/src/env.ts (server), or in tests, scripts and benchmarks.' },
      ],
    },
  },
  {
    files: ['server/src/env.ts', 'server/test/**', 'test/**', 'scripts/**', 'bench/**', '*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Marketplace pages are hostile: page-derived strings never become HTML.
    files: ['entrypoints/**', 'components/**', 'utils/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with textContent/createElement; page data is untrusted.' },
        { property: 'outerHTML', message: 'Build DOM with textContent/createElement; page data is untrusted.' },
      ],
    },
  },
);
