// Type-aware linting for every workspace. process.env is read only in env.ts files,
// so configuration is parsed and validated in one place per process.
import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.data/**",
      "**/src/db/migrations/**",
      "web/src/graphql/generated/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration in env.ts only." },
      ],
    },
  },
  {
    files: ["**/env.ts", "**/*.test.ts", "**/test/**", "scripts/**", "bench/**", "**/vitest.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // The storefront (React): the rules of hooks and React Compiler's checks, browser globals.
    files: ["web/src/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat["recommended-latest"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);
