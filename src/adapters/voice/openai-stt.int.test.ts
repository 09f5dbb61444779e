/** The speech-to-text client against a local server speaking the OpenAI /audio/transcriptions protocol. */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { createOpenAiSpeechToText, type SttFailure } from "./openai-stt.ts";
import { parseWav } from "./wav.ts";

type Received = {
  path: string;
  authorization: string | undefined;
  fields: Record<string, string>;
  file: Uint8Array | null;
};

describe("OpenAI-compatible speech to text", () => {
  let server: http.Server;
  let baseUrl: string;
  const received: Received[] = [];
  let mode: "ok" | "error" | "garbage" | "slow" = "ok";

  before(async () => {
    server = http.createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const boundary = /boundary=(.+)$/.exec(request.headers["content-type"] ?? "")?.[1] ?? "";
      const fields: Record<string, string> = {};
      let file: Uint8Array | null = null;
      for (const part of body.toString("latin1").split(`--${boundary}`)) {
        const name = /name="([^"]+)"/.exec(part)?.[1];
        const start = part.indexOf("\r\n\r\n");
        if (!name || start < 0) continue;
        const value = part.slice(start + 4, part.length - 2);
        if (name === "file") file = new Uint8Array(Buffer.from(value, "latin1"));
        else fields[name] = value;
      }
      received.push({ path: request.url ?? "", authorization: request.headers.authorization, fields, file });
      if (mode === "slow") await new Promise((resolve) => setTimeout(resolve, 500));
      if (mode === "error") return response.writeHead(500).end("{}");
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        mode === "garbage" ? "[1,2]" : JSON.stringify({ text: " Je voudrais refaire mon passeport. " }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("posts the audio as an 8 kHz WAV with the model and language, and returns the text heard", async () => {
    const stt = createOpenAiSpeechToText({ baseUrl, model: "whisper-small", apiKey: "secret" });
    const pcm = Int16Array.from({ length: 8_000 }, (_, i) => Math.round(1000 * Math.sin(i / 3)));
    assert.equal(await stt.transcribe(pcm), "Je voudrais refaire mon passeport.");
    const request = received.at(-1) as Received;
    assert.equal(request.path, "/v1/audio/transcriptions");
    assert.equal(request.authorization, "Bearer secret");
    assert.deepEqual(request.fields, { model: "whisper-small", language: "fr", response_format: "json" });
    const wav = parseWav(request.file as Uint8Array);
    assert.equal(wav.sampleRate, 8_000);
    assert.deepEqual([...wav.samples.subarray(0, 5)], [...pcm.subarray(0, 5)]);
  });

  it("reads an error, a strange answer or a timeout as nothing heard, and says why", async () => {
    const failures: SttFailure[] = [];
    const stt = createOpenAiSpeechToText({
      baseUrl,
      model: "m",
      timeoutMs: 200,
      onFailure: (f) => failures.push(f.reason),
    });
    const pcm = new Int16Array(800);
    for (const next of ["error", "garbage", "slow"] as const) {
      mode = next;
      assert.equal(await stt.transcribe(pcm), null);
    }
    mode = "ok";
    assert.deepEqual(failures, ["http_error", "bad_response", "timeout"]);
  });
});
