/**
 * Audio written in real time, one frame per frame length (20 ms), for peers that play what they get
 * at once and keep no buffer (Asterisk's AudioSocket): a burst would be played too fast or dropped.
 * The first frame of a prompt goes out at once when the line is idle; the next ones follow the
 * 20 ms grid, catching up a late timer by at most half a frame (the grid moves rather than burst).
 * A mark fires when playback reaches it; `clear` drops what was not played (barge-in).
 */
import { performance } from "node:perf_hooks";

type Item = { frame: Buffer } | { mark: string };

export type PacedAudioOptions = {
  write(frame: Buffer): void;
  onMark(name: string): void;
  frameMs?: number;
  now?: () => number;
};

export function createPacedAudio(options: PacedAudioOptions) {
  const frameMs = options.frameMs ?? 20;
  const now = options.now ?? (() => performance.now());
  let queue: Item[] = [];
  let head = 0;
  /** When the frame after the last one written may go (the last one has played by then). */
  let nextAt = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function schedule() {
    if (timer || stopped || head >= queue.length) return;
    timer = setTimeout(pump, Math.max(0, Math.ceil(nextAt - now())));
  }

  function pump() {
    timer = undefined;
    const at = now();
    // A mark or a frame is due once the previous frame has played (1 ms of timer slack).
    while (!stopped && head < queue.length && nextAt <= at + 1) {
      const item = queue[head++] as Item;
      if ("mark" in item) {
        options.onMark(item.mark);
        continue;
      }
      options.write(item.frame);
      // Late by more than half a frame (or idle): the grid moves to now rather than catch up.
      nextAt = (nextAt < at - frameMs / 2 ? at : nextAt) + frameMs;
    }
    if (head >= queue.length) {
      queue = [];
      head = 0;
    }
    schedule();
  }

  function clear() {
    queue = [];
    head = 0;
    clearTimeout(timer);
    timer = undefined;
  }

  function push(items: Item[]) {
    if (stopped) return;
    for (const item of items) queue.push(item);
    if (!timer) pump();
  }

  return {
    /** Frames to play after those queued; returns how long before the first of them is written. */
    play(frames: Buffer[]): number {
      const ahead = queue.length - head;
      const waitMs = Math.max(0, nextAt - now());
      push(frames.map((frame) => ({ frame })));
      return ahead > 0 ? waitMs + ahead * frameMs : Math.max(0, waitMs - 1);
    },
    mark(name: string): void {
      push([{ mark: name }]);
    },
    /** Drops the frames and marks not played yet; the frame on the line finishes. */
    clear,
    stop(): void {
      stopped = true;
      clear();
    },
    /** Frames waiting to be played. */
    get queued() {
      return queue.length - head;
    },
  };
}
