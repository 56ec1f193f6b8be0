/**
 * The one place that reads process.env. Every variable is validated with zod; a bad value stops
 * the process with a message naming the variable and what is wrong with it.
 */
import path from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const serverSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface `npm start` listens on; unset: all interfaces. `127.0.0.1` when a local proxy fronts the app. */
  HOSTNAME: optionalString,
  /** Where the SQLite file, the generated auth secret and other local state live. */
  DATA_DIR: optionalString,
  /** Unset: a SQLite file in DATA_DIR. `file:...` for another SQLite file, `postgres(ql)://...` for PostgreSQL. */
  DATABASE_URL: optionalString.refine(
    (v) => v === undefined || /^(file:|postgres(ql)?:\/\/)/.test(v),
    "must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
  ),
  REDIS_URL: optionalString.refine((v) => v === undefined || /^rediss?:\/\//.test(v), "must start with redis:// or rediss://"),
  AUTH_SECRET: optionalString,
  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: optionalString,
  /**
   * Optional outgoing mail for password-reset links: smtp://user:password@host:587 (STARTTLS) or
   * smtps://user:password@host:465. Unset: no email; an admin makes links with npm run user:reset-link.
   */
  SMTP_URL: optionalString.refine(
    (v) => v === undefined || /^smtps?:\/\/[^/]+/.test(v),
    "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587",
  ),
  /** Sender of those emails, e.g. "Interview Studio <no-reply@example.com>". */
  MAIL_FROM: optionalString,
  /** Minutes a password-reset link works for. */
  PASSWORD_RESET_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  /** Optional OAuth sign-in; each provider turns on when both its id and secret are set. */
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  /** Comma-separated extra bank folders (absolute or relative to the working directory). */
  BANK_DIRS: optionalString,
  /** `local:rubric` (offline, default) or `openai:<model-id>`. */
  INTERVIEWER_MODEL: z
    .string()
    .trim()
    .regex(/^(local:rubric|openai:[\w./:-]+)$/, "must be local:rubric or openai:<model-id>, e.g. openai:gpt-4.1-mini")
    .default("local:rubric"),
  /** Judge for scoring; defaults to INTERVIEWER_MODEL. `local:rubric` turns the LLM judge off. */
  SCORER_MODEL: optionalString.refine((v) => v === undefined || /^(local:rubric|openai:[\w./:-]+)$/.test(v), "must be local:rubric or openai:<model-id>"),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), "must be an http(s) URL"),
  /** Milliseconds before an LLM call is abandoned and the offline engine takes over. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  /** Test-only: replace every model by the AI SDK's mock models. */
  AI_TEST_MODELS: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  /**
   * Proxies in front of the app that append to X-Forwarded-For (0: none, the socket's address is
   * the client's). Rate limits use the right-most address not written by one of these hops.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Rate limits: requests per window. */
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_ANSWERS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Draft autosaves per user per minute (the page saves about once a second while typing). */
  RATE_LIMIT_DRAFTS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Interviews in progress at once per user (finished ones do not count). */
  QUOTA_ACTIVE_SESSIONS: z.coerce.number().int().min(1).max(1_000_000).default(5),
  /** Interviews a user may start in 24 hours (deleted ones still count). */
  QUOTA_SESSIONS_PER_DAY: z.coerce.number().int().min(1).max(1_000_000).default(50),
  /** Days a new share link opens for (0: links never expire). A link can ask for fewer. */
  SHARE_LINK_EXPIRY_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /** Per-user quotas (recruiter interview kits); reaching one refuses the write with a 409 saying which. */
  QUOTA_SCRIPTS: z.coerce.number().int().min(1).max(1_000_000).default(200),
  /** Saved versions kept per kit. */
  QUOTA_REVISIONS_PER_SCRIPT: z.coerce.number().int().min(1).max(1_000_000).default(500),
  QUOTA_SCORECARDS: z.coerce.number().int().min(1).max(1_000_000).default(2000),
  /** Share links open at once (not revoked, not expired), over all of a user's kits. */
  QUOTA_SHARE_LINKS: z.coerce.number().int().min(1).max(1_000_000).default(50),
});

export type ServerEnv = z.infer<typeof serverSchema> & { dataDir: string };

export class EnvError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid environment:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "EnvError";
    this.issues = issues;
  }
}

/** Parses an environment (process.env by default). Exported for tests. */
export function parseEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const result = serverSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".") || "(environment)";
        const value = source[name];
        const shown = value === undefined ? "unset" : /SECRET|KEY|PASSWORD|SMTP_URL/i.test(name) ? "(hidden)" : JSON.stringify(value);
        return `${name}: ${issue.message} (got ${shown})`;
      }),
    );
  }
  const data = result.data;
  if (data.OPENAI_BASE_URL === undefined && data.INTERVIEWER_MODEL.startsWith("openai:") && !data.OPENAI_API_KEY) {
    throw new EnvError([`INTERVIEWER_MODEL: ${data.INTERVIEWER_MODEL} needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server)`]);
  }
  if (data.SMTP_URL !== undefined && (!data.NEXTAUTH_URL || !data.MAIL_FROM)) {
    throw new EnvError([
      `SMTP_URL: emailed reset links also need ${[!data.NEXTAUTH_URL && "NEXTAUTH_URL (the public address the links point to)", !data.MAIL_FROM && "MAIL_FROM (the sender)"].filter(Boolean).join(" and ")}`,
    ]);
  }
  return { ...data, dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), data.DATA_DIR ?? "data") };
}

let cached: ServerEnv | undefined;

/** The validated server environment, parsed once per process. */
export function env(): ServerEnv {
  cached ??= parseEnv();
  return cached;
}

/** Tests change variables between cases: forget the parsed copy. */
export function resetEnvForTests(): void {
  cached = undefined;
}
