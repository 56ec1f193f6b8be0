/**
 * Process-wide state: the one place that says which module state lives on `globalThis`, and why.
 *
 * Next.js evaluates a module more than once in one server process: `instrumentation.ts` and the
 * routes are separate bundles, each with its own copy of every module it imports, and `next dev`
 * evaluates a changed module again on every hot reload. Module-level state is therefore per bundle
 * and per reload. The state listed in ProcessWideValues must be one per process, so it is kept on
 * `globalThis` through `processWide`, under the key that names it; everything else stays
 * module-level (or is passed).
 *
 * Only caches of values derived from their key, connections, and work in progress belong here:
 * nothing that changes what a pure function returns (the scorer's IDF corpus, for one, is passed
 * explicitly as `scoreAnswer(input, { corpus })`; the process only caches the bank's).
 *
 * Not here: the peer-address stamp (lib/http/peer-address.ts), a flag that a `node --import` hook
 * sets on `globalThis` before Next.js loads, outside any bundle.
 */

/** Every process-wide value, by key: the module that owns it (and alone knows its type), and why it cannot be module-level. */
interface ProcessWideValues {
  /** lib/bank/load.ts: the parsed question bank (about a second to load). Instrumentation loads it at start for the route bundles; tests reset it. */
  questionBank: unknown;
  /** lib/markdown/render.ts: the Shiki highlighter (slow to create) and rendered HTML by content hash. Instrumentation warms the highlighter for the route bundles. */
  markdown: unknown;
  /**
   * lib/sessions/scoring.ts: the bank-wide IDF statistics, by bank object (built once per process next to the loaded bank, warmed at
   * start). The scorer never reads it implicitly: it is passed as `{ corpus }`.
   */
  bankCorpus: unknown;
  /** lib/db/client.ts: the Prisma client and its connection pool. A dev reload must not open another pool; tests point it at another database. */
  database: unknown;
  /**
   * lib/rate-limit/index.ts: the in-memory counters (or the Redis client). Every route bundle counts into the same windows, and a dev
   * reload must not reset them or open another connection.
   */
  rateLimiter: unknown;
  /**
   * lib/sessions/reply-stream.ts: interviewer replies being generated. The chat route starts a run; the stream route (another bundle,
   * or the same after a dev reload) rejoins it while it lasts.
   */
  interviewerReplies: unknown;
  /** lib/sessions/resumable.ts: the reply relay's two Redis connections (REDIS_URL): one pair per process. */
  replyRelay: unknown;
  /**
   * lib/code-runner/grade.ts: the grading semaphore and the sandbox probe's verdict. The limit on concurrent sandboxes is per process:
   * per bundle, every route bundle would run its own sandboxes next to the others'.
   */
  codeRunner: unknown;
  /** lib/sessions/task-grading.ts: recent check verdicts by question and code, so follow-up answers that keep the code do not run it again (the route bundles share them). */
  taskGrades: unknown;
}

export type ProcessWideKey = keyof ProcessWideValues;

type Store = Partial<ProcessWideValues>;
const holder = globalThis as typeof globalThis & { __interviewStudioProcessWide?: Store };

/**
 * The process's value for `key`, created by `create` on first use. Each key has one owner module
 * (see ProcessWideValues), which alone knows the value's type: keep the state in one object (mutate
 * its fields to reset it) rather than asking for the same key with another type.
 */
export function processWide<T>(key: ProcessWideKey, create: () => T): T {
  const store = (holder.__interviewStudioProcessWide ??= {});
  if (!(key in store)) store[key] = create();
  return store[key] as T;
}
