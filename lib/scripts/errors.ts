/** Errors of the script services, with the HTTP status a route handler answers with. */
import type { FieldErrors } from "./schemas.ts";

export const SCRIPT_ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  /** A per-user quota (lib/env.ts QUOTA_*) is reached. */
  quota: 409,
  invalid: 400,
  "too-large": 413,
} as const;
export type ScriptErrorCode = keyof typeof SCRIPT_ERROR_STATUS;

export class ScriptError extends Error {
  readonly code: ScriptErrorCode;
  readonly fieldErrors: FieldErrors | undefined;
  constructor(code: ScriptErrorCode, message: string, fieldErrors?: FieldErrors) {
    super(message);
    this.name = "ScriptError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
  get status(): number {
    return SCRIPT_ERROR_STATUS[this.code];
  }
}

export const NOT_FOUND_MESSAGE = "Script not found.";
export const RECRUITERS_ONLY_MESSAGE = "Interview scripts are for recruiter accounts. Switch your account to recruiter in Settings.";
