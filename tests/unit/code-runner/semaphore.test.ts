// The grader's semaphore: numbered slots (they pick a run's user id), FIFO waiters, a bounded queue.
import { describe, expect, it } from "vitest";
import { SlotSemaphore } from "@/lib/code-runner/semaphore.ts";

describe("SlotSemaphore", () => {
  it("hands out distinct slots, then queues, then refuses past maxWaiting", async () => {
    const s = new SlotSemaphore(2, 1);
    const a = await s.acquire();
    const b = await s.acquire();
    expect([a, b].sort()).toEqual([0, 1]);
    let third: number | undefined;
    const waiting = s.acquire().then((slot) => (third = slot));
    expect(s.waiting).toBe(1);
    expect(await s.acquire()).toBeUndefined(); // the queue is full
    expect(third).toBeUndefined();
    s.release(b!);
    await waiting;
    expect(third).toBe(b); // the released slot goes to the waiter
    expect(s.waiting).toBe(0);
  });

  it("serves waiters first in, first out", async () => {
    const s = new SlotSemaphore(1, 5);
    const first = (await s.acquire())!;
    const order: string[] = [];
    const w1 = s.acquire().then((slot) => {
      order.push("w1");
      return slot!;
    });
    const w2 = s.acquire().then((slot) => {
      order.push("w2");
      return slot!;
    });
    s.release(first);
    s.release(await w1);
    await w2;
    expect(order).toEqual(["w1", "w2"]);
  });
});
