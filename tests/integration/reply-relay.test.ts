import { afterAll, describe, expect, it } from "vitest";
import { createReplyRelay, type ReplyRelay } from "../../lib/sessions/resumable.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function readAll(stream: ReadableStream<string>): Promise<string> {
  let out = "";
  for await (const chunk of stream) out += chunk;
  return out;
}

describe("interviewer replies relayed through Redis", () => {
  const relays: ReplyRelay[] = [];
  afterAll(async () => Promise.all(relays.map((r) => r.close())));

  it("lets a second app instance resume a reply another instance is still producing", async () => {
    const prefix = `is-test-${process.pid}-${Date.now()}`;
    const instanceA = await createReplyRelay(REDIS_URL, prefix);
    const instanceB = await createReplyRelay(REDIS_URL, prefix);
    relays.push(instanceA, instanceB);
    let push!: (chunk: string) => void;
    let end!: () => void;
    const source = new ReadableStream<string>({
      start(controller) {
        push = (c) => controller.enqueue(c);
        end = () => controller.close();
      },
    });
    const toClientA = await instanceA.publish("session-1", "7", () => source);
    expect(toClientA).not.toBeNull();
    const readingA = readAll(toClientA!);
    push("data: first\n\n");
    await new Promise((r) => setTimeout(r, 100));
    // The page reloads and its request lands on instance B, mid-reply.
    const resumed = await instanceB.resume("session-1");
    expect(resumed).not.toBeNull();
    const readingB = readAll(resumed!);
    push("data: second\n\n");
    end();
    expect(await readingA).toBe("data: first\n\ndata: second\n\n");
    expect(await readingB).toBe("data: first\n\ndata: second\n\n");
  });

  it("has nothing to resume for a session with no reply in progress", async () => {
    const instance = await createReplyRelay(REDIS_URL, `is-test-none-${process.pid}`);
    relays.push(instance);
    expect(await instance.resume("no-such-session")).toBeNull();
  });
});
