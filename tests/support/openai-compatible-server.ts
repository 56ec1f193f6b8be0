/**
 * A tiny OpenAI-compatible server for tests: POST /v1/chat/completions, streaming (SSE in OpenAI's
 * chunk format, then `data: [DONE]`) and non-streaming, with scripted behaviours per request, and
 * GET /v1/models. Every request is recorded. Starts on port 0 (a free port) on 127.0.0.1.
 *
 *   const server = await startOpenAICompatibleServer({ replies: [{ kind: "reply", text: "Hi." }] });
 *   const model = createOpenAI({ apiKey: "test", baseURL: server.url }).chat("test-model");
 *   ...
 *   await server.close();
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedBehaviour =
  /** Answers with `text`, split into chunks of `wordsPerChunk` words (default 1). */
  | { kind: "reply"; text: string; wordsPerChunk?: number; delayMs?: number; chunkDelayMs?: number }
  /** Fails with an HTTP error (default 500) and an OpenAI-style error body. */
  | { kind: "fail"; status?: number; message?: string; delayMs?: number }
  /** Streams `afterChunks` chunks of `text`, then destroys the connection (no [DONE], no finish_reason). */
  | { kind: "drop"; text: string; afterChunks: number; wordsPerChunk?: number; delayMs?: number; chunkDelayMs?: number }
  /** Streams `afterChunks` chunks, then ends the response cleanly without finish_reason or [DONE]. */
  | { kind: "truncate"; text: string; afterChunks: number; wordsPerChunk?: number }
  /** Streams an SSE `error` event after `afterChunks` chunks (some servers report failures this way). */
  | { kind: "stream-error"; text: string; afterChunks: number; message?: string }
  /** Accepts the request and never answers (until the client aborts or the server closes). */
  | { kind: "hang" };

export type RecordedRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body (undefined when not JSON). */
  body: ChatCompletionRequest | undefined;
  rawBody: string;
  /** Whether the client went away before the response finished. */
  aborted: boolean;
};

export type ChatCompletionRequest = {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string | { type: string; text?: string }[] }[];
  [key: string]: unknown;
};

export type OpenAICompatibleServer = {
  /** The base URL to give the provider, e.g. http://127.0.0.1:43121/v1. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Queues behaviours for the next requests (used in order; then the default applies). */
  enqueue(...behaviours: ScriptedBehaviour[]): void;
  /** Sets the behaviour for requests when the queue is empty. */
  setDefault(behaviour: ScriptedBehaviour | ((request: RecordedRequest) => ScriptedBehaviour)): void;
  close(): Promise<void>;
};

export type ServerOptions = {
  replies?: ScriptedBehaviour[];
  default?: ScriptedBehaviour | ((request: RecordedRequest) => ScriptedBehaviour);
  /** Model id echoed in responses when the request names none. */
  modelId?: string;
  /** Port to listen on (default: any free port). */
  port?: number;
};

/** The text of a chat message's content (string or parts). */
export function messageText(content: ChatCompletionRequest["messages"][number]["content"]): string {
  return typeof content === "string" ? content : content.map((p) => p.text ?? "").join("");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function splitChunks(text: string, wordsPerChunk = 1): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? [text];
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerChunk) chunks.push(words.slice(i, i + wordsPerChunk).join(""));
  return chunks;
}

export async function startOpenAICompatibleServer(options: ServerOptions = {}): Promise<OpenAICompatibleServer> {
  const queue: ScriptedBehaviour[] = [...(options.replies ?? [])];
  let fallbackBehaviour: NonNullable<ServerOptions["default"]> = options.default ?? { kind: "reply", text: "Okay." };
  const requests: RecordedRequest[] = [];
  let counter = 0;

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    let body: ChatCompletionRequest | undefined;
    try {
      body = rawBody ? (JSON.parse(rawBody) as ChatCompletionRequest) : undefined;
    } catch {
      body = undefined;
    }
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const record: RecordedRequest = { method: req.method ?? "GET", path, headers: req.headers, body, rawBody, aborted: false };
    requests.push(record);
    res.on("close", () => {
      if (!res.writableFinished) record.aborted = true;
    });

    if (req.method === "GET" && /\/v1\/models\/?$/.test(path)) {
      sendJson(res, 200, { object: "list", data: [{ id: options.modelId ?? "test-model", object: "model", owned_by: "test" }] });
      return;
    }
    if (req.method !== "POST" || !/\/v1\/chat\/completions\/?$/.test(path)) {
      sendJson(res, 404, { error: { message: `no route ${req.method} ${path}`, type: "invalid_request_error" } });
      return;
    }
    if (!body || !Array.isArray(body.messages)) {
      sendJson(res, 400, { error: { message: "body must be JSON with messages", type: "invalid_request_error" } });
      return;
    }

    const next = queue.shift();
    const behaviour: ScriptedBehaviour = next ?? (typeof fallbackBehaviour === "function" ? fallbackBehaviour(record) : fallbackBehaviour);
    const id = `chatcmpl-test-${(counter += 1)}`;
    const model = body.model || options.modelId || "test-model";
    const created = Math.floor(Date.now() / 1000);

    if (behaviour.kind === "hang") return; // the response stays open
    if ("delayMs" in behaviour && behaviour.delayMs) await sleep(behaviour.delayMs);
    if (res.destroyed) return;

    if (behaviour.kind === "fail") {
      sendJson(res, behaviour.status ?? 500, {
        error: { message: behaviour.message ?? "scripted failure", type: "server_error", code: null, param: null },
      });
      return;
    }

    const text = behaviour.text;
    if (!body.stream) {
      if (behaviour.kind !== "reply") {
        // Non-streaming failures mid-way: close the socket without a response.
        res.socket?.destroy();
        return;
      }
      sendJson(res, 200, {
        id,
        object: "chat.completion",
        created,
        model,
        choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop", logprobs: null }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      });
      return;
    }

    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      send({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] });

    const pieces = splitChunks(text, "wordsPerChunk" in behaviour ? behaviour.wordsPerChunk : 1);
    const limit = behaviour.kind === "reply" ? pieces.length : Math.min(behaviour.afterChunks, pieces.length);
    const chunkDelay = "chunkDelayMs" in behaviour ? (behaviour.chunkDelayMs ?? 0) : 0;
    chunk({ role: "assistant", content: "" });
    for (let i = 0; i < limit; i += 1) {
      if (i > 0 && chunkDelay > 0) await sleep(chunkDelay);
      if (res.destroyed) return;
      chunk({ content: pieces[i] });
    }
    switch (behaviour.kind) {
      case "reply":
        chunk({}, "stop");
        send({
          id,
          object: "chat.completion.chunk",
          created,
          model,
          choices: [],
          usage: { prompt_tokens: 10, completion_tokens: limit, total_tokens: 10 + limit },
        });
        res.end("data: [DONE]\n\n");
        return;
      case "drop":
        // Let the written chunks reach the client, then cut the connection.
        await sleep(20);
        res.socket?.destroy();
        return;
      case "truncate":
        res.end();
        return;
      case "stream-error":
        send({ error: { message: behaviour.message ?? "scripted stream error", type: "server_error", code: null, param: null } });
        res.end();
        return;
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    enqueue: (...behaviours) => queue.push(...behaviours),
    setDefault: (behaviour) => {
      fallbackBehaviour = behaviour;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function sendJson(res: http.ServerResponse, status: number, data: unknown): void {
  const text = JSON.stringify(data);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
