/**
 * Environment for running Prisma's CLI without network: the CLI insists on a schema-engine binary
 * it does not use for `generate`, and would download it. Any existing file satisfies the check.
 */
export function prismaOfflineEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
}
