import { createClient } from "redis";
import type { RateLimiter, RateLimitResult } from "./index.ts";

type Client = ReturnType<typeof createClient>;

export class RedisRateLimiter implements RateLimiter {
  private client: Promise<Client> | undefined;
  private readonly url: string;
  private readonly prefix: string;

  constructor(url: string, prefix = "is:rl:") {
    this.url = url;
    this.prefix = prefix;
  }

  private connection(): Promise<Client> {
    this.client ??= createClient({ url: this.url }).connect() as Promise<Client>;
    return this.client;
  }

  async hit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
    const client = await this.connection();
    const k = this.prefix + key;
    // INCR and PEXPIRE NX in one round trip: the first hit of a window sets its expiry.
    const [count, , ttl] = (await client.multi().incr(k).pExpire(k, windowMs, "NX").pTTL(k).exec()) as unknown as [number, number, number];
    return { ok: count <= limit, remaining: Math.max(0, limit - count), retryAfterMs: count <= limit ? 0 : Math.max(ttl, 0) };
  }

  async peek(key: string): Promise<{ count: number; retryAfterMs: number }> {
    const client = await this.connection();
    const k = this.prefix + key;
    const [count, ttl] = (await client.multi().get(k).pTTL(k).exec()) as unknown as [string | null, number];
    return { count: Number(count ?? 0), retryAfterMs: Math.max(ttl, 0) };
  }

  async reset(key: string): Promise<void> {
    const client = await this.connection();
    await client.del(this.prefix + key);
  }

  async close(): Promise<void> {
    if (this.client) await (await this.client).quit();
    this.client = undefined;
  }
}
