/** Typed errors of the session service; route handlers map them to HTTP statuses. */
export type SessionErrorCode = "not-found" | "conflict" | "finished" | "already-answered" | "invalid" | "too-large" | "rate-limited" | "quota" | "unavailable";

const STATUS: Record<SessionErrorCode, number> = {
  "not-found": 404,
  conflict: 409,
  finished: 409,
  "already-answered": 409,
  invalid: 400,
  "too-large": 413,
  "rate-limited": 429,
  /** A per-user quota (lib/env.ts QUOTA_ACTIVE_SESSIONS, QUOTA_SESSIONS_PER_DAY) is reached. */
  quota: 409,
  unavailable: 503,
};

export class SessionError extends Error {
  readonly code: SessionErrorCode;
  readonly status: number;
  constructor(code: SessionErrorCode, message: string) {
    super(message);
    this.name = "SessionError";
    this.code = code;
    this.status = STATUS[code];
  }
}

export const notFound = () => new SessionError("not-found", "No such session.");
