// npm run user:reset-link -- <email> [--base-url https://interviews.example.com]
// Prints a one-time password-reset link for the account with that email (for servers without
// SMTP, or when the email does not arrive). The link expires after PASSWORD_RESET_MINUTES (30 by
// default) and works once. The address is NEXTAUTH_URL, else --base-url, else http://localhost:PORT.
import { parseArgs } from "node:util";
import { createResetToken, resetLink } from "../lib/auth/reset-tokens.ts";
import { emailSchema } from "../lib/auth/schemas.ts";
import { EnvError } from "../lib/env.ts";

const USAGE = "usage: npm run user:reset-link -- <email> [--base-url https://your-server]";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { "base-url": { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const [raw, ...extra] = parsed.positionals;
  if (!raw || extra.length) {
    console.error(USAGE);
    return 2;
  }
  const email = emailSchema.safeParse(raw);
  if (!email.success) {
    console.error(`${email.error.issues[0]?.message ?? "Enter a valid email address."}\n${USAGE}`);
    return 2;
  }
  const baseUrl = parsed.values["base-url"];
  if (baseUrl !== undefined && !/^https?:\/\/[^/]+/.test(baseUrl)) {
    console.error(`--base-url must be an http(s) address, like https://interviews.example.com\n${USAGE}`);
    return 2;
  }
  const made = await createResetToken(email.data);
  if (!made) {
    console.error(`No account with a password uses ${email.data} (accounts made through GitHub or Google sign in there). Check the spelling.`);
    return 1;
  }
  console.log(resetLink(made.token, baseUrl));
  console.error(`One-time link for ${made.email}; it expires at ${made.expiresAt.toISOString()} and works once. Send it to the person privately.`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : `user:reset-link failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  const { db } = await import("../lib/db/client.ts");
  await db().$disconnect();
}
