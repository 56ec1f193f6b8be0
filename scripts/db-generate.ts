// Writes prisma/postgresql/schema.prisma from the source schema and generates both Prisma clients.
// Runs on `npm install` (postinstall) and by hand after editing prisma/schema.prisma.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { postgresSchemaFrom, readSourceSchema, ROOT, SCHEMA_FILES } from "../lib/db/schema-files.ts";
import { prismaOfflineEnv } from "./prisma-offline-env.ts";

const pgSchema = postgresSchemaFrom(readSourceSchema());
mkdirSync(path.dirname(SCHEMA_FILES.postgresql), { recursive: true });
if (!existsSync(SCHEMA_FILES.postgresql) || readFileSync(SCHEMA_FILES.postgresql, "utf8") !== pgSchema) {
  writeFileSync(SCHEMA_FILES.postgresql, pgSchema);
  console.error("wrote prisma/postgresql/schema.prisma");
}

const prismaBin = path.join(ROOT, "node_modules/prisma/build/index.js");
for (const schema of Object.values(SCHEMA_FILES)) {
  execFileSync(process.execPath, [prismaBin, "generate", "--schema", schema], {
    cwd: ROOT,
    env: prismaOfflineEnv(),
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.error(`generated client for ${path.relative(ROOT, schema)}`);
}
