// Type-aware lint for cartwright (STYLE.md rule 7) plus the one dependency rule that matters most:
// the totals engine stays pure, so it may not reach for the ORM, the container, models or persistence.
import { defineConfig } from "eslint/config"
import tseslint from "typescript-eslint"

export default defineConfig(
  { ignores: ["dist/**", "node_modules/**", "integrations/**", "coverage/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        // tsup.config.ts sits outside tsconfig's include; lint it with a default project.
        projectService: { allowDefaultProject: ["tsup.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports", fixStyle: "separate-type-imports" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Type-aware: an unawaited promise loses its error, which in a unit of work means a lost write.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  {
    files: ["src/totals/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@mikro-orm/*"], message: "src/totals is pure: no ORM." },
            { group: ["awilix"], message: "src/totals is pure: no container." },
            { group: ["**/models", "**/models/*"], message: "src/totals is pure: it takes plain data, not models." },
            { group: ["../persistence", "../persistence/*", "**/persistence", "**/persistence/*"], message: "src/totals is pure: no persistence." },
          ],
        },
      ],
    },
  },
)
