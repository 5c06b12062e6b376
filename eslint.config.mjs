// Type-aware lint for cartwright (STYLE.md rule 7) plus the one dependency rule that matters most:
// the totals engine stays pure, so it may not reach for the ORM, the container, models or persistence.
import { defineConfig } from "eslint/config"
import tseslint from "typescript-eslint"

// Import directions (docs/architecture.md): each folder of src/ lists the folders it must never import.
// Lower layers never reach up; flows talk to the module only through the service, never to SQL.
const ORM = { group: ["@mikro-orm/*", "knex"], message: "no ORM or SQL here: persistence/ owns it." }
const folder = (name) => ({
  group: [`../${name}`, `../${name}/*`, `**/src/${name}`, `**/src/${name}/*`],
  message: `may not import src/${name}/.`,
})
// persistence/ owns all SQL: the helpers that run SQL text, or take it as an argument, stay inside it.
const SQL_HELPERS = [
  { module: "db", names: ["query", "preparedQuery", "ident", "placeholders"] },
  { module: "writer", names: ["updateWhere", "byIds", "setClauses", "insertValuesSql"] },
  { module: "insert-arrays", names: ["insertArraysSql"] },
  { module: "cart-lock", names: ["lockCartsOf"] },
  { module: "filters", names: ["compileFilters"] },
].map(({ module, names }) => ({
  group: [`../persistence/${module}`, `**/persistence/${module}`],
  importNames: names,
  message: "may not run SQL: call a typed function of src/persistence/ instead.",
}))
// Every folder of src/ but util/: what util/ must never import. Anyone may import util/ (the lowest leaf).
const ALL_BUT_UTIL = [
  ...["money", "totals", "errors", "events", "types", "validation", "ports", "persistence", "service", "flows"],
  ...["module", "container", "medusa", "medusa-ports", "cli", "database"],
]
const LAYERS = {
  util: { folders: ALL_BUT_UTIL, orm: true, models: true },
  money: { folders: ["totals", "persistence", "service", "flows", "ports", "module", "medusa", "medusa-ports", "cli"], orm: true },
  totals: {
    folders: ["persistence", "service", "flows", "ports", "module", "medusa", "medusa-ports", "cli", "validation"],
    orm: true,
    models: true,
  },
  errors: { folders: ["persistence", "service", "flows", "module", "medusa", "medusa-ports", "cli"], orm: true },
  ports: { folders: ["persistence", "service", "flows", "module", "medusa", "medusa-ports", "cli"], orm: true, models: true },
  validation: { folders: ["persistence", "service", "flows", "module", "medusa", "medusa-ports", "cli"], orm: true },
  persistence: { folders: ["service", "flows", "module", "medusa", "medusa-ports", "cli"] },
  service: { folders: ["flows", "module", "medusa", "medusa-ports", "cli"], sql: true },
  flows: { folders: ["persistence", "module", "medusa", "medusa-ports", "cli"], orm: true, models: true },
  "medusa-ports": { folders: ["persistence", "service", "flows", "module", "medusa", "cli"], orm: true, models: true },
}
function layerRules() {
  return Object.entries(LAYERS).map(([name, layer]) => ({
    files: [`src/${name}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...layer.folders.map(folder),
            ...(layer.orm ? [ORM] : []),
            ...(layer.sql ? SQL_HELPERS : []),
            ...(layer.models ? [{ group: ["**/models", "**/models/*"], message: "takes plain data, not models." }] : []),
          ].map((p) => ({ ...p, message: `src/${name}/ ${p.message}` })),
        },
      ],
    },
  }))
}

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
  ...layerRules(),
)
