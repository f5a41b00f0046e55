// Type-aware linting. The rules that matter most here: no floating promises (a lost rejection is a
// silent failure), exhaustive switches over error kinds, type-only imports, and `vscode` kept out
// of the pure core so it stays testable without an editor.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Pure modules must not depend on VS Code; put host glue elsewhere.' }] }],
};

const namedExports = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };

// Every word a user reads goes through l10n.t (vscode.l10n.t in host modules, @vscode/l10n's in pure
// ones and the webview), with the sentence itself as the first argument: that is what
// `npm run l10n` (@vscode/l10n-dev) extracts into l10n/bundle.l10n.json, and a template or a
// variable there would silently never be translated. Logs and errors' own messages stay English.
const WORDS = /[A-Za-z]+ [A-Za-z]+/.source;
const SHOWN_FIELDS =
  '/^(title|placeHolder|placeholder|prompt|detail|openLabel|tooltip|invocationMessage|validationMessage|message|text|reason|label|description|action)$/';
const userWords = [
  namedExports,
  {
    selector:
      "CallExpression[callee.property.name='t']:matches([callee.object.name='l10n'], [callee.object.property.name='l10n']) > :first-child:not(Literal, ObjectExpression)",
    message: 'l10n.t takes the sentence as a string literal (the extractor reads only those); pass the values as {0}, {1}, … arguments.',
  },
  {
    selector: `CallExpression[callee.property.name=/^(show(Information|Warning|Error)Message|setStatusBarMessage)$/] > :first-child:matches(Literal[value=/${WORDS}/], TemplateLiteral:has(TemplateElement[value.raw=/${WORDS}/]))`,
    message: 'A sentence the user reads: wrap it in l10n.t so it is translated.',
  },
  {
    selector: `Property[key.name=${SHOWN_FIELDS}] > :matches(Literal[value=/${WORDS}/], TemplateLiteral:has(TemplateElement[value.raw=/${WORDS}/]))`,
    message: "A sentence the user reads: wrap it in l10n.t so it is translated (logs and error classes' own messages may stay English).",
  },
  {
    selector: `AssignmentExpression[left.property.name=/^(title|placeholder|textContent|tooltip|text)$/] > :matches(Literal[value=/${WORDS}/], TemplateLiteral:has(TemplateElement[value.raw=/${WORDS}/]))`,
    message: 'A sentence the user reads: wrap it in l10n.t so it is translated.',
  },
];

// Text in notifications, dialogs, progress, quick picks and input boxes goes through src/ui/show.ts,
// which shows it as text: a file named `[Fix all](command:…)` must never become a link that runs a
// command. Only that module calls these functions of `vscode.window`.
const showThroughUi = {
  selector:
    "MemberExpression[object.property.name='window'][property.name=/^(show(Information|Warning|Error)Message|showQuickPick|showInputBox|createQuickPick|createInputBox|withProgress|setStatusBarMessage)$/]",
  message: 'Show text through src/ui/show.ts (showInformation, pickOne, inputBox, withProgress, …): it keeps names from the workspace from becoming links.',
};

// eslint-disable-next-line no-restricted-syntax -- ESLint itself reads this default export
export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'scripts/host/*/node_modules/**', '.cache/**', '*.vsix', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './test/tsconfig.json', './media/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', namedExports],
    },
  },
  {
    files: ['src/**/*.ts', 'media/**/*.ts'],
    // The tools' schemas, the contributed manifest and the MCP server are read by language models (in English) and by package.nls.json.
    ignores: ['src/domain/generation/options.ts', 'src/domain/build/contributions.ts', 'src/domain/generation/agentTools.ts', 'src/mcp/**'],
    rules: { 'no-restricted-syntax': ['error', ...userWords] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/ui/show.ts', 'src/domain/generation/options.ts', 'src/domain/build/contributions.ts', 'src/domain/generation/agentTools.ts', 'src/mcp/**'],
    rules: { 'no-restricted-syntax': ['error', ...userWords, showThroughUi] },
  },
  {
    // src/ is held by dependency-cruiser, folder by folder (.dependency-cruiser.cjs: NO_VSCODE); these too.
    files: ['test/unit/**', 'test/fakeSegmind/**', 'media/**'],
    rules: noVscode,
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
      },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // mocha's describe/it return values are not promises to await.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'it', 'suite', 'test'], package: 'mocha' }] },
      ],
    },
  },
);
