// npm run db:migrate:create NAME [-- --postgres-url URL]: writes a new migration for SQLite and
// PostgreSQL from the changes in prisma/schema.prisma. PostgreSQL needs a server to diff against
// (DATABASE_URL when it is a postgres URL, else --postgres-url, else the local test server).
import { createMigration } from "../lib/db/migrate.ts";
import { parseEnv } from "../lib/env.ts";

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith("--"));
const pgFlag = args.indexOf("--postgres-url");
if (!name) {
  console.error("usage: npm run db:migrate:create NAME [-- --postgres-url postgresql://...]");
  process.exit(2);
}
const env = parseEnv();
const pgUrl =
  (pgFlag >= 0 ? args[pgFlag + 1] : undefined) ??
  (env.DATABASE_URL?.startsWith("postgres") ? env.DATABASE_URL : "postgresql://postgres@127.0.0.1:5432/postgres");
try {
  const written = await createMigration(name, pgUrl);
  console.log(written.length ? written.map((d) => `created ${d}`).join("\n") : "schema unchanged: no migration written");
  process.exit(0);
} catch (error) {
  console.error(`db:migrate:create failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
