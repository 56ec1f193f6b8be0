// Prisma CLI configuration. DATABASE_URL may be unset (the embedded SQLite default), so the config
// never calls env() on it: the CLI's generate/format do not need a live database.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/interview-studio.db";
const postgres = url.startsWith("postgres");

export default defineConfig({
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  datasource: { url },
});
