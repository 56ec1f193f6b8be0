/**
 * Replies that a reloaded page can rejoin from any app instance. With REDIS_URL set, the reply's
 * SSE stream is relayed through Redis (the `resumable-stream` package) and the id of the reply in
 * progress is kept in Redis, so another instance behind the load balancer can resume it. Without
 * Redis, replies are followed in this process only (reply-stream.ts).
 */
import "server-only";
import { JsonToSseTransformStream, UI_MESSAGE_STREAM_HEADERS } from "ai";
import { createClient, type RedisClientType } from "redis";
import { createResumableStreamContext, type Publisher, type Subscriber } from "resumable-stream";
import { env } from "../env.ts";
import { processWide } from "../process-wide/index.ts";
import { hasReply, replyUIMessageStream } from "./reply-stream.ts";

const ACTIVE_TTL_SECONDS = 600;

export type ReplyRelay = {
  /** Relays a reply's SSE stream; the returned stream is the one to send to the client. */
  publish(sessionId: string, replyId: string, makeStream: () => ReadableStream<string>): Promise<ReadableStream<string> | null>;
  /** The reply in progress for the session, from whichever instance produces it; null when none. */
  resume(sessionId: string): Promise<ReadableStream<string> | null>;
  close(): Promise<void>;
};

/** The publisher side of resumable-stream over a node-redis client (connected by us, so never by it). */
function asPublisher(client: RedisClientType): Publisher {
  return {
    connect: () => client.connect(),
    publish: (channel, message) => client.publish(channel, message),
    set: (key, value, options) => client.set(key, value, options),
    get: (key) => client.get(key),
    incr: (key) => client.incr(key),
  };
}

/** The subscriber side of resumable-stream over a node-redis client. */
function asSubscriber(client: RedisClientType): Subscriber {
  return {
    connect: () => client.connect(),
    subscribe: (channel, callback) => client.subscribe(channel, callback),
    unsubscribe: (channel) => client.unsubscribe(channel),
  };
}

/** One relay per app instance (tests make two to stand for two instances). */
export async function createReplyRelay(redisUrl: string, prefix = "is"): Promise<ReplyRelay> {
  const publisher: RedisClientType = createClient({ url: redisUrl });
  const subscriber: RedisClientType = createClient({ url: redisUrl });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const ctx = createResumableStreamContext({
    waitUntil: null,
    keyPrefix: `${prefix}:reply`,
    publisher: asPublisher(publisher),
    subscriber: asSubscriber(subscriber),
  });
  const activeKey = (sessionId: string) => `${prefix}:reply-active:${sessionId}`;
  return {
    async publish(sessionId, replyId, makeStream) {
      const streamId = `${sessionId}:${replyId}`;
      await publisher.set(activeKey(sessionId), streamId, { EX: ACTIVE_TTL_SECONDS });
      return ctx.resumableStream(streamId, makeStream);
    },
    async resume(sessionId) {
      const streamId = await publisher.get(activeKey(sessionId));
      if (!streamId) return null;
      return (await ctx.resumeExistingStream(String(streamId))) ?? null;
    },
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}

// Process-wide (lib/process-wide): one pair of Redis connections per process.
const shared = processWide("replyRelay", (): { relay?: Promise<ReplyRelay> } => ({}));

function relay(): Promise<ReplyRelay> | null {
  const url = env().REDIS_URL;
  if (!url) return null;
  shared.relay ??= createReplyRelay(url);
  return shared.relay;
}

function sseResponse(stream: ReadableStream<string> | null): Response {
  if (!stream) return new Response(null, { status: 204 });
  // no-transform: a compressing proxy (or next start's gzip) would otherwise flush per word.
  return new Response(stream.pipeThrough(new TextEncoderStream()), {
    headers: { ...UI_MESSAGE_STREAM_HEADERS, "cache-control": "no-cache, no-transform" },
  });
}

const localSse = (sessionId: string) => () => replyUIMessageStream(sessionId).pipeThrough(new JsonToSseTransformStream());

/** The HTTP response for a reply that just started (its run is keyed by the session id). */
export async function replyResponse(sessionId: string, replyId: string): Promise<Response> {
  const r = relay();
  if (!r) return sseResponse(localSse(sessionId)());
  return sseResponse(await (await r).publish(sessionId, replyId, localSse(sessionId)));
}

/** Rejoins the reply in progress for a session; 204 when there is none. */
export async function resumeReplyResponse(sessionId: string): Promise<Response> {
  if (hasReply(sessionId)) return sseResponse(localSse(sessionId)());
  const r = relay();
  return sseResponse(r ? await (await r).resume(sessionId) : null);
}
