import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.bench/**', 'node_modules/**', 'bench/peer-*.*', 'bench/floor.cjs', 'scripts/**', 'eslint.config.js'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // ESLint counts every ?? and ?. as a branch, so its threshold sits above a cognitive measure's.
      complexity: ['warn', 20],
      // Void-returning arrow shorthands are the idiom for callbacks here.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // Tests assert on values they just built; non-null assertions and loose templates are noise there.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/restrict-template-expressions': 'off' },
  },
);
