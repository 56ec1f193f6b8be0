/**
 * Fixed-window rate limits. In memory by default; shared through Redis when REDIS_URL is set, so
 * several app instances count together.
 */
import { ApiError } from "../api/errors.ts";
import { env } from "../env.ts";
import { MemoryRateLimiter } from "./memory.ts";
import { RedisRateLimiter } from "./redis.ts";

export type RateLimitResult = { ok: boolean; remaining: number; retryAfterMs: number };

export interface RateLimiter {
  /** Counts one hit on `key`; ok=false once `limit` hits were counted in the current window. */
  hit(key: string, limit: number, windowMs: number): Promise<RateLimitResult>;
  /** The hits counted on `key` in the current window, without counting one. */
  peek(key: string): Promise<{ count: number; retryAfterMs: number }>;
  reset(key: string): Promise<void>;
}

const globalForLimiter = globalThis as unknown as { __interviewStudioLimiter?: RateLimiter };

export function rateLimiter(): RateLimiter {
  globalForLimiter.__interviewStudioLimiter ??= env().REDIS_URL ? new RedisRateLimiter(env().REDIS_URL!) : new MemoryRateLimiter();
  return globalForLimiter.__interviewStudioLimiter;
}

/** A limit is reached: the API's rate_limited error (429 with Retry-After), with when to try again. */
export class RateLimitError extends ApiError {
  declare readonly retryAfterMs: number;
  constructor(retryAfterMs: number) {
    super("rate_limited", `Too many attempts. Try again in ${Math.ceil(retryAfterMs / 1000)} seconds.`, { retryAfterMs });
    this.name = "RateLimitError";
  }
}

/** Hits every key; throws RateLimitError when any is over its limit. */
export async function enforceRateLimits(keys: string[], limit: number, windowMs = 60_000): Promise<void> {
  const results = await Promise.all(keys.map((k) => rateLimiter().hit(k, limit, windowMs)));
  const blocked = results.filter((r) => !r.ok);
  if (blocked.length) throw new RateLimitError(Math.max(...blocked.map((r) => r.retryAfterMs)));
}
