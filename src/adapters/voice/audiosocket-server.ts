/**
 * Calls from a town's own switchboard: Asterisk connects to this TCP server with its AudioSocket
 * application (one connection per call) and Guichet hears and speaks on it — the same voice session
 * as the media streams (voice-session.ts), in 16-bit PCM at 8 kHz, written in real time.
 *
 * AudioSocket carries no caller number and no way back to the dialplan: calls belong to the default
 * organisation, the caller types a number for a call-back, and no transfer is offered (the flow's
 * call-back replaces it). Hostile or broken peers end their call with its record: a stream that is
 * not AudioSocket, a codec other than 8 kHz, a flood, a peer that never identifies the call, never
 * hangs up, stops reading what it is sent, or sends audio far faster than real time.
 */
import net from "node:net";
import { performance } from "node:perf_hooks";
import type { VoiceContext } from "../../domains/channels/voice/index.ts";
import type { Logger } from "../../shared/logger.ts";
import {
  type AudioSocketMessage,
  audioMessages,
  createAudioSocketReader,
  HANGUP_MESSAGE,
} from "./audiosocket-protocol.ts";
import { createPacedAudio } from "./paced-audio.ts";
import { createVoiceSession, type VoiceSession, type VoiceSessionOptions } from "./voice-session.ts";

export type AudioSocketLimits = {
  /** The first message (the call's UUID) must come this soon after connecting. */
  uuidTimeoutMs: number;
  /** After the hang-up message, a peer that keeps the socket open is cut off. */
  hangupGraceMs: number;
  /** Audio written and not read by the peer beyond this: it is not listening any more. */
  maxBacklogBytes: number;
  /** Connections at once (one per call); more are refused at once. */
  maxCalls: number;
  /** Caller audio allowed ahead of the wall clock (Asterisk sends it in real time). */
  audioAheadMs: number;
};

export type AudioSocketServerOptions = Pick<
  VoiceSessionOptions,
  "tts" | "stt" | "silenceMs" | "interDigitMs" | "maxCallMs" | "onTurn"
> & {
  context: VoiceContext;
  organisationId: string;
  host: string;
  /** 0: any free port (tests). */
  port: number;
  logger: Pick<Logger, "info" | "warn" | "error">;
  limits?: Partial<AudioSocketLimits>;
};

const DEFAULT_LIMITS: AudioSocketLimits = {
  uuidTimeoutMs: 5_000,
  hangupGraceMs: 2_000,
  // About a minute of audio: far more than a healthy peer ever leaves unread.
  maxBacklogBytes: 1_000_000,
  maxCalls: 200,
  audioAheadMs: 5_000,
};
/** 16-bit samples at 8 kHz. */
const BYTES_PER_MS = 16;

export type AudioSocketServer = Awaited<ReturnType<typeof startAudioSocketServer>>;

export async function startAudioSocketServer(options: AudioSocketServerOptions) {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { logger } = options;
  // No way to hand the call back to the dialplan for a transfer: the flow offers a call-back instead.
  const context: VoiceContext = { ...options.context, transferTarget: null };
  const calls = new Map<net.Socket, VoiceSession>();

  function serve(socket: net.Socket) {
    socket.setNoDelay(true);
    const reader = createAudioSocketReader();
    let hangupTimer: NodeJS.Timeout | undefined;
    const paced = createPacedAudio({
      write(frame) {
        if (socket.writableLength <= limits.maxBacklogBytes) {
          socket.write(frame);
          return;
        }
        paced.stop();
        session.fail("peer not reading");
      },
      onMark: (name) => session.played(name),
    });
    const session = createVoiceSession({
      ...options,
      context,
      provider: "audiosocket",
      transport: {
        play: (pcm) => paced.play(audioMessages(pcm)),
        mark: (name) => paced.mark(name),
        clear: () => paced.clear(),
        close(reason) {
          paced.stop();
          // The peer hung up ("stopped"): nothing to tell it. Else Asterisk goes on with its dialplan.
          if (socket.destroyed) return;
          if (reason === "stopped") socket.end();
          else socket.end(HANGUP_MESSAGE);
          hangupTimer = setTimeout(() => socket.destroy(), limits.hangupGraceMs).unref();
        },
      },
    });
    calls.set(socket, session);
    // Asterisk sends audio as it comes; far faster than real time is a flood, not a call.
    const connectedAt = performance.now();
    let audioBytes = 0;
    const uuidTimer = setTimeout(() => {
      if (session.started) return;
      logger.warn("audiosocket connection without a call id: closed");
      socket.destroy();
    }, limits.uuidTimeoutMs).unref();

    function handle(message: AudioSocketMessage) {
      switch (message.kind) {
        case "uuid":
          if (session.started) return session.malformed();
          clearTimeout(uuidTimer);
          return session.start({ providerCallId: message.id, callerNumber: null });
        case "audio":
          audioBytes += message.pcm.length * 2;
          if (audioBytes > (performance.now() - connectedAt + limits.audioAheadMs) * BYTES_PER_MS)
            return session.fail("audio faster than real time");
          return session.started ? session.audio(message.pcm) : session.malformed();
        case "dtmf":
          if (!session.started) return session.malformed();
          // A–D exist on some keypads; the menus never use them.
          if (/^[0-9*#]$/.test(message.digit)) session.digit(message.digit);
          return;
        case "hangup":
        case "error":
          if (message.kind === "error") logger.warn({ code: message.code }, "audiosocket peer error");
          void session.closed();
          return;
        case "other_rate":
          return session.fail(`audio kind 0x${message.code.toString(16)} (only 8 kHz is read)`);
        case "malformed":
          return session.malformed();
        case "broken":
          return session.fail(`stream broken: ${message.reason}`);
      }
    }

    socket.on("data", (chunk: Buffer) => {
      for (const message of reader.push(chunk)) {
        if (session.ended) break;
        handle(message);
      }
    });
    socket.on("close", () => {
      clearTimeout(uuidTimer);
      clearTimeout(hangupTimer);
      paced.stop();
      void session.closed().finally(() => calls.delete(socket));
    });
    socket.on("error", (error: NodeJS.ErrnoException) =>
      logger.warn({ code: error.code }, "audiosocket connection error"),
    );
  }

  const server = net.createServer({ noDelay: true }, serve);
  server.maxConnections = limits.maxCalls;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: options.host, port: options.port }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as net.AddressInfo;
  logger.info({ host: address.address, port: address.port }, "audiosocket server listening");

  return {
    port: address.port,
    /** Calls connected now. */
    get calls() {
      return calls.size;
    },
    /** Stops listening, ends the calls under way (settled with their records), then resolves. */
    async close(): Promise<void> {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const sessions = [...calls.entries()].map(([socket, session]) => {
        socket.destroy();
        return session.closed();
      });
      await Promise.all([closed, ...sessions]);
    },
  };
}
