/**
 * Errors of the kit services. The code is the domain's word for what went wrong (pages read
 * "not-found" to answer 404); the API edge answers with the code and status
 * DOMAIN_ERROR_CODES.kit gives it (lib/api/errors.ts), and the field messages.
 */
import { API_ERROR_STATUS, ApiError, DOMAIN_ERROR_CODES, type ApiErrorCode, type ApiFields } from "../api/errors.ts";

export type KitErrorCode = "not-found" | "conflict" | "quota" | "invalid";

export class KitError extends Error {
  readonly code: KitErrorCode;
  readonly fieldErrors: Partial<ApiFields> | undefined;
  constructor(code: KitErrorCode, message: string, fieldErrors?: Partial<ApiFields>) {
    super(message);
    this.name = "KitError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
  get apiCode(): ApiErrorCode {
    return DOMAIN_ERROR_CODES.kit[this.code];
  }
  get status(): number {
    return API_ERROR_STATUS[this.apiCode];
  }
  toApiError(): ApiError {
    const fields: ApiFields = {};
    for (const [k, v] of Object.entries(this.fieldErrors ?? {})) if (v !== undefined) fields[k] = v;
    return new ApiError(this.apiCode, this.message, { fields, cause: this });
  }
}

export const NOT_FOUND_MESSAGE = "Kit not found.";
/** What a candidate account hears from the kits API (a recruiter-only route). */
export const RECRUITERS_ONLY_MESSAGE = "Interview kits are for recruiter accounts. Switch your account to recruiter in Settings.";
