/**
 * TwiML, the XML that Twilio (and the providers copying its webhooks) reads: what to say, then gather
 * keys or speech, pass the call on, or hang up. Every text and attribute is escaped here, in one place.
 */
import type { CallNext } from "../../domains/channels/voice/index.ts";
import { stripControlCharacters } from "../../shared/text.ts";

const LANGUAGE = "fr-FR";
/** Seconds a caller has to start typing or speaking before the gather reports a silence. */
export const GATHER_TIMEOUT_SECONDS = 6;
/** Seconds the transfer rings before it counts as not answered. */
export const DIAL_TIMEOUT_SECONDS = 25;

export function escapeXml(text: string): string {
  // XML 1.0 has no place for control characters: they are dropped, not escaped.
  return stripControlCharacters(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function element(name: string, attributes: Record<string, string | number>, content = ""): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join("");
  return content === "" ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

function says(texts: string[]): string {
  return texts
    .filter((text) => text.trim() !== "")
    .map((text) => element("Say", { language: LANGUAGE }, escapeXml(text)))
    .join("");
}

/** `recording`: where the provider reports a recording of a transfer (only asked with the caller's consent). */
export type TwimlUrls = { gather: string; dial: string; recording?: string };

/** The document for one turn. Prompts sit inside <Gather> so a key pressed during them interrupts them. */
export function renderTwiml(input: { say: string[]; next: CallNext; urls: TwimlUrls }): string {
  const { next } = input;
  let body: string;
  switch (next.type) {
    case "gather":
      body = element(
        "Gather",
        {
          input: next.speech ? "dtmf speech" : "dtmf",
          ...(next.finishOnKey ? { finishOnKey: "#" } : { numDigits: next.maxDigits, finishOnKey: "" }),
          timeout: GATHER_TIMEOUT_SECONDS,
          ...(next.speech ? { speechTimeout: "auto", language: LANGUAGE } : {}),
          action: input.urls.gather,
          method: "POST",
          actionOnEmptyResult: "true",
        },
        says(input.say) || " ",
      );
      break;
    case "transfer": {
      const target = next.target.startsWith("sip")
        ? element("Sip", {}, escapeXml(next.target))
        : element("Number", {}, escapeXml(next.target));
      // Recorded from the moment the agent answers (never the ringing), and only when the caller agreed.
      const record: Record<string, string> =
        next.record && input.urls.recording
          ? { record: "record-from-answer", recordingStatusCallback: input.urls.recording }
          : {};
      body =
        says(input.say) +
        element(
          "Dial",
          { action: input.urls.dial, method: "POST", timeout: DIAL_TIMEOUT_SECONDS, ...record },
          target,
        );
      break;
    }
    case "hangup":
      body = `${says(input.say)}<Hangup/>`;
      break;
  }
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}

/** A refusal the provider can still read out: the French message, then hang up. */
export function renderTwimlError(message: string): string {
  return renderTwiml({ say: [message], next: { type: "hangup" }, urls: { gather: "", dial: "" } });
}

/**
 * Hands the call's audio to a bidirectional media stream; when the stream closes, the provider asks
 * `afterUrl` what comes next (a transfer, or hanging up).
 */
export function renderStreamTwiml(input: {
  streamUrl: string;
  parameters: Record<string, string>;
  afterUrl: string;
}): string {
  const parameters = Object.entries(input.parameters)
    .map(([name, value]) => element("Parameter", { name, value }))
    .join("");
  const stream = element("Stream", { url: input.streamUrl }, parameters);
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${element("Connect", {}, stream)}${element("Redirect", { method: "POST" }, escapeXml(input.afterUrl))}</Response>`;
}
