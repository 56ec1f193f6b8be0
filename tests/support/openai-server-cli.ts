// A local OpenAI-compatible server for the browser tests of the LLM interviewer (no provider can
// be reached from these machines). It streams a recognisable reply, and drops the connection
// mid-stream when the candidate's answer contains DROP-THE-STREAM, to exercise the fallback.
import { startOpenAICompatibleServer } from "./openai-compatible-server.ts";

const port = Number(process.env.FAKE_OPENAI_PORT ?? 3231);
const REPLY = "From the model: thanks, that helps. Tell me how you would check that in practice?";

const server = await startOpenAICompatibleServer({
  port,
  modelId: "fake-model",
  default: (request) =>
    request.rawBody.includes("DROP-THE-STREAM")
      ? { kind: "drop", text: "From the model: let me think about", afterChunks: 6, chunkDelayMs: 20 }
      : { kind: "reply", text: REPLY, chunkDelayMs: 15 },
});
console.log(`fake OpenAI-compatible server on ${server.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void server.close().then(() => process.exit(0)));
