import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AUDIOSOCKET_KIND,
  audioMessages,
  audioSocketMessage,
  createAudioSocketReader,
  HANGUP_MESSAGE,
  MAX_PAYLOAD_BYTES,
  SLIN_FRAME_BYTES,
} from "./audiosocket-protocol.ts";

const ID = "4f1c2a7e-9b3d-4c5e-8f60-718293a4b5c6";

describe("AudioSocket protocol", () => {
  it("reads the call id, keys, little-endian audio and the hang-up, whatever the TCP chunks", () => {
    const pcm = Int16Array.from([0, 1, -1, 32767, -32768, 258]);
    const stream = Buffer.concat([
      audioSocketMessage.uuid(ID),
      audioSocketMessage.dtmf("5"),
      audioSocketMessage.audio(Buffer.from(pcm.buffer)),
      audioSocketMessage.dtmf("#"),
      HANGUP_MESSAGE,
    ]);
    const whole = createAudioSocketReader().push(stream);
    const reader = createAudioSocketReader();
    const byteByByte = [...stream].flatMap((byte) => reader.push(Buffer.from([byte])));
    for (const messages of [whole, byteByByte]) {
      assert.deepEqual(messages, [
        { kind: "uuid", id: ID },
        { kind: "dtmf", digit: "5" },
        { kind: "audio", pcm },
        { kind: "dtmf", digit: "#" },
        { kind: "hangup" },
      ]);
    }
    assert.equal(reader.buffered, 0);
    // The raw bytes: kind, big-endian length, little-endian samples.
    assert.deepEqual(
      [...audioSocketMessage.audio(Buffer.from(Int16Array.from([258]).buffer))],
      [0x10, 0, 2, 2, 1],
    );
  });

  it("skips what does not fit its kind, refuses other sample rates, and stops at a length no message has", () => {
    const reader = createAudioSocketReader();
    const messages = reader.push(
      Buffer.concat([
        audioSocketMessage.raw(0x42, Buffer.from("abcd")),
        audioSocketMessage.raw(AUDIOSOCKET_KIND.uuid, Buffer.from([1, 2, 3])),
        audioSocketMessage.raw(AUDIOSOCKET_KIND.dtmf, Buffer.from("12")),
        audioSocketMessage.dtmf("x"),
        audioSocketMessage.raw(AUDIOSOCKET_KIND.audio, Buffer.from([1, 2, 3])),
        audioSocketMessage.raw(0x12, Buffer.alloc(640)),
        audioSocketMessage.raw(AUDIOSOCKET_KIND.error, Buffer.from([2])),
        audioSocketMessage.dtmf("7"),
        Buffer.from("GET / HTTP/1.1\r\n"),
        audioSocketMessage.dtmf("8"),
      ]),
    );
    assert.deepEqual(
      messages.map((m) => ("reason" in m ? `${m.kind}: ${m.reason}` : m.kind)),
      [
        "malformed: unknown kind",
        "malformed: uuid length",
        "malformed: dtmf",
        "malformed: dtmf",
        "malformed: audio length",
        "other_rate",
        "error",
        "dtmf",
        // "G" 0x47, then "ET" read as a length of 17 748 bytes: not AudioSocket.
        "broken: oversized length",
      ],
    );
    assert.deepEqual(messages[6], { kind: "error", code: 2 });
    // Nothing is read after the framing is lost.
    assert.deepEqual(reader.push(audioSocketMessage.dtmf("9")), []);
    const limit = createAudioSocketReader();
    assert.deepEqual(
      limit.push(audioSocketMessage.raw(0x10, Buffer.alloc(MAX_PAYLOAD_BYTES)).subarray(0, 100)),
      [],
    );
    assert.equal(limit.buffered, 100);
  });

  it("writes speech as 20 ms audio messages, the last padded with silence, encoded once per sentence", () => {
    const pcm = Int16Array.from({ length: 500 }, (_, i) => i - 250);
    const frames = audioMessages(pcm);
    assert.equal(frames.length, 4);
    for (const frame of frames) {
      assert.equal(frame.length, 3 + SLIN_FRAME_BYTES);
      assert.equal(frame[0], AUDIOSOCKET_KIND.audio);
      assert.equal(frame.readUInt16BE(1), SLIN_FRAME_BYTES);
    }
    assert.equal(frames[0]?.readInt16LE(3), -250);
    assert.equal(frames[3]?.readInt16LE(3 + 2 * (500 - 480 - 1)), 249);
    assert.equal(frames[3]?.readInt16LE(3 + 2 * 20), 0);
    assert.equal(audioMessages(pcm), frames);
  });
});
