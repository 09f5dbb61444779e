import assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import { describe, it } from "node:test";
import { createPacedAudio } from "./paced-audio.ts";

const frame = (n: number) => Buffer.from([n]);

describe("paced audio", () => {
  it("writes the first frame at once, then one frame per 20 ms, and fires a mark once the audio has played", async () => {
    const written: { n: number; at: number }[] = [];
    let markAt = 0;
    const began = performance.now();
    let resolve: () => void = () => undefined;
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    const paced = createPacedAudio({
      write: (buffer) => written.push({ n: buffer[0] as number, at: performance.now() - began }),
      onMark: (name) => {
        assert.equal(name, "fin");
        markAt = performance.now() - began;
        resolve();
      },
    });
    paced.play(Array.from({ length: 15 }, (_, i) => frame(i)));
    paced.mark("fin");
    assert.equal(written.length, 1, "the first frame goes out at once");
    await promise;
    assert.deepEqual(
      written.map((w) => w.n),
      Array.from({ length: 15 }, (_, i) => i),
    );
    const last = written.at(-1)?.at ?? 0;
    // 14 intervals of 20 ms: never faster; later only when a busy machine holds the timers.
    assert.ok(last >= 14 * 20 - 2 && last < 14 * 20 + 400, `${last} ms`);
    assert.ok(markAt >= last + 18, `mark at ${markAt} ms, last frame at ${last} ms`);
    for (let i = 1; i < written.length; i++) {
      const gap = (written[i]?.at ?? 0) - (written[i - 1]?.at ?? 0);
      assert.ok(gap >= 8, `frames ${i - 1} and ${i} ${gap.toFixed(1)} ms apart: a burst`);
    }
  });

  it("drops what was not played on clear, and waits for the frame on the line before the next prompt", async () => {
    const written: number[] = [];
    const marks: string[] = [];
    const paced = createPacedAudio({
      write: (b) => written.push(b[0] as number),
      onMark: (m) => marks.push(m),
    });
    paced.play([frame(1), frame(2), frame(3), frame(4)]);
    paced.mark("old");
    await new Promise((r) => setTimeout(r, 25));
    paced.clear();
    assert.equal(paced.queued, 0);
    const cleared = written.length;
    assert.ok(cleared >= 1 && cleared <= 3, `${cleared} frames`);
    paced.play([frame(9)]);
    paced.mark("new");
    await new Promise((r) => setTimeout(r, 60));
    assert.deepEqual(written.slice(cleared), [9]);
    assert.deepEqual(marks, ["new"]);
    paced.stop();
    paced.play([frame(7)]);
    assert.equal(written.at(-1), 9);
  });
});
