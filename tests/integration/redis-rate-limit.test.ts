import { afterAll, describe, expect, it } from "vitest";
import { RedisRateLimiter } from "../../lib/rate-limit/redis.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("rate limits shared through Redis", () => {
  // Two limiters stand for two app instances behind a load balancer.
  const a = new RedisRateLimiter(REDIS_URL, `is:test:${process.pid}:`);
  const b = new RedisRateLimiter(REDIS_URL, `is:test:${process.pid}:`);
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it("counts hits from every instance against one limit", async () => {
    const key = `k-${Date.now()}`;
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await (i % 2 ? a : b).hit(key, 4, 60_000));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, false, false]);
    expect(results[5]!.retryAfterMs).toBeGreaterThan(0);
  });

  it("peeks at a count without counting a hit, on every instance", async () => {
    const key = `p-${Date.now()}`;
    expect(await b.peek(key)).toEqual({ count: 0, retryAfterMs: 0 });
    await a.hit(key, 5, 60_000);
    await a.hit(key, 5, 60_000);
    const seen = await b.peek(key);
    expect(seen.count).toBe(2);
    expect(seen.retryAfterMs).toBeGreaterThan(0);
    expect((await b.peek(key)).count).toBe(2);
  });

  it("starts a new window after the old one expires", async () => {
    const key = `w-${Date.now()}`;
    await a.hit(key, 1, 200);
    expect((await b.hit(key, 1, 200)).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 260));
    expect((await b.hit(key, 1, 200)).ok).toBe(true);
  });
});
