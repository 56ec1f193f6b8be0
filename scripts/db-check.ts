// npm run db:check: fails when prisma/postgresql/schema.prisma or either migrations folder is out
// of step with prisma/schema.prisma (applies the migrations to scratch databases and diffs).
import { readFileSync } from "node:fs";
import { pendingSchemaChanges, withScratchDatabase } from "../lib/db/migrate.ts";
import { postgresSchemaFrom, readSourceSchema, SCHEMA_FILES } from "../lib/db/schema-files.ts";
import { parseEnv } from "../lib/env.ts";

const env = parseEnv();
const pgUrl = env.DATABASE_URL?.startsWith("postgres") ? env.DATABASE_URL : "postgresql://postgres@127.0.0.1:5432/postgres";
let failed = false;
if (readFileSync(SCHEMA_FILES.postgresql, "utf8") !== postgresSchemaFrom(readSourceSchema())) {
  console.error("db:check: prisma/postgresql/schema.prisma is stale: run npm run db:generate");
  failed = true;
}
for (const provider of ["sqlite", "postgresql"] as const) {
  const sql = await withScratchDatabase(provider, (t) => pendingSchemaChanges(provider, t), pgUrl);
  if (sql) {
    console.error(`db:check: ${provider} migrations are behind the schema: run npm run db:migrate:create <name>\n${sql}`);
    failed = true;
  } else {
    console.error(`db:check: ${provider} migrations match the schema`);
  }
}
process.exit(failed ? 1 : 0);
