/**
 * Typed errors of the session service. The code is the domain's word for what went wrong; the API
 * edge answers with the code and status DOMAIN_ERROR_CODES.session gives it (lib/api/errors.ts).
 */
import { API_ERROR_STATUS, ApiError, DOMAIN_ERROR_CODES, type ApiErrorCode } from "../api/errors.ts";

export type SessionErrorCode = "not-found" | "conflict" | "finished" | "already-answered" | "invalid" | "too-large" | "rate-limited" | "quota" | "unavailable";

export class SessionError extends Error {
  readonly code: SessionErrorCode;
  constructor(code: SessionErrorCode, message: string) {
    super(message);
    this.name = "SessionError";
    this.code = code;
  }
  get apiCode(): ApiErrorCode {
    return DOMAIN_ERROR_CODES.session[this.code];
  }
  get status(): number {
    return API_ERROR_STATUS[this.apiCode];
  }
  toApiError(): ApiError {
    return new ApiError(this.apiCode, this.message, { cause: this });
  }
}

export const notFound = () => new SessionError("not-found", "No such session.");
