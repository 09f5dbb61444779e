/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions API (POST /v1/chat/completions
 * or /chat/completions), for contract tests of the LLM adapter and the prompt-injection suite. Each test
 * scripts how the "model" behaves (an answer, silence until the client gives up, an HTTP error, broken
 * JSON, a dropped connection) and reads back the requests it received.
 * It also answers POST /v1/audio/transcriptions (multipart form with a WAV `file`) with a scripted
 * transcript, as a speech-to-text stand-in, and keeps the uploads for the test to read.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    max_tokens?: number;
    temperature?: number;
    stream?: boolean;
  } & Record<string, unknown>;
  raw: string;
};

export type ModelBehaviour =
  /** 200 with this assistant message in the OpenAI response shape. */
  | { kind: "answer"; content: string; finishReason?: string }
  /** Never answers; the request stays open until the client aborts or the server stops. */
  | { kind: "hang" }
  /** This status with a JSON error body in the OpenAI style. */
  | { kind: "status"; status: number }
  /** 200 with this body as is (broken JSON, wrong shape…). */
  | { kind: "raw"; body: string }
  /** Destroys the socket without answering. */
  | { kind: "close" };

export type Script = ModelBehaviour | ((request: RecordedRequest) => ModelBehaviour);

/** One upload to /audio/transcriptions: the form's text fields and the audio file's bytes. */
export type RecordedTranscription = { path: string; fields: Record<string, string>; file: Uint8Array | null };

/** What the speech-to-text stand-in answers: this text, or an HTTP error status. */
export type TranscriptBehaviour = { kind: "text"; text: string } | { kind: "status"; status: number };

export type OpenAiCompatibleServer = {
  /** Base URL with the version segment, as configured in LLM_API_URL: http://127.0.0.1:<port>/v1 */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** How the model behaves for the next requests (until changed). */
  respondWith(script: Script): void;
  transcriptions: RecordedTranscription[];
  /** What /audio/transcriptions answers from now on (default: an empty text, i.e. nothing heard). */
  transcribeWith(behaviour: TranscriptBehaviour): void;
  stop(): Promise<void>;
};

const PATHS = new Set(["/v1/chat/completions", "/chat/completions"]);
const TRANSCRIPTION_PATHS = new Set(["/v1/audio/transcriptions", "/audio/transcriptions"]);

/** The fields and file of a multipart/form-data body (enough for what fetch's FormData sends). */
function readMultipart(body: Buffer, contentType: string | undefined) {
  const boundary = /boundary=(.+)$/.exec(contentType ?? "")?.[1] ?? "";
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
  return { fields, file };
}

export async function startOpenAiCompatibleServer(
  options: { script?: Script; apiKey?: string; transcript?: TranscriptBehaviour } = {},
): Promise<OpenAiCompatibleServer> {
  const requests: RecordedRequest[] = [];
  const transcriptions: RecordedTranscription[] = [];
  let script: Script = options.script ?? { kind: "answer", content: "AUCUNE_REPONSE" };
  let transcript: TranscriptBehaviour = options.transcript ?? { kind: "text", text: "" };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (req.method === "POST" && TRANSCRIPTION_PATHS.has(path)) {
      transcriptions.push({ path, ...readMultipart(Buffer.concat(chunks), req.headers["content-type"]) });
      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`)
        return sendJson(res, 401, errorBody("Invalid API key"));
      return transcript.kind === "text"
        ? sendJson(res, 200, { text: transcript.text })
        : sendJson(res, transcript.status, errorBody(`Scripted status ${transcript.status}`));
    }
    if (req.method !== "POST" || !PATHS.has(path)) return sendJson(res, 404, errorBody("Not found"));
    let body: RecordedRequest["body"];
    try {
      body = JSON.parse(raw);
    } catch {
      body = {};
    }
    const recorded: RecordedRequest = { path, headers: req.headers, body, raw };
    requests.push(recorded);
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendJson(res, 401, errorBody("Invalid API key"));
    }
    const behaviour = typeof script === "function" ? script(recorded) : script;
    switch (behaviour.kind) {
      case "answer":
        return sendJson(res, 200, completion(body.model ?? "", behaviour.content, behaviour.finishReason));
      case "hang":
        return;
      case "status":
        return sendJson(res, behaviour.status, errorBody(`Scripted status ${behaviour.status}`));
      case "raw":
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(behaviour.body);
      case "close":
        return req.socket.destroy();
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    respondWith(next) {
      script = next;
    },
    transcriptions,
    transcribeWith(next) {
      transcript = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function completion(model: string, content: string, finishReason = "stop") {
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1_767_225_600,
    model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finishReason }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

function errorBody(message: string) {
  return { error: { message, type: "server_error", code: null } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
