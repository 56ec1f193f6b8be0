/**
 * Limits shared by the server's schemas and the browser's answer editor. Client-safe: no zod, no
 * server code, so the editor can check an answer before it is sent.
 */
export const MAX_ANSWER_CHARS = 20_000;
/** Questions in one practice or mock session (an interview kit has its own limit, MAX_KIT_QUESTIONS). */
export const MAX_PRACTICE_QUESTIONS = 10;

/**
 * Lateness is decided by the server's clock against the stored deadline. An answer that arrives
 * within this grace after the deadline (network latency: the page's countdown sends at zero) is on
 * time; after it, the answer is stored and marked late, whatever the client says.
 */
export const LATE_GRACE_MS = 5_000;
/**
 * A question stays open this long after its deadline: a late answer is still taken (marked late).
 * After it the server closes the question with the last saved draft (drafts autosave while the
 * candidate types), and a later answer is refused with a message saying so.
 */
export const TIME_UP_GRACE_MS = 60_000;
