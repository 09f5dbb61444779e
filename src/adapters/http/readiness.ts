/** Start-up progress of this process (not shared state: each process reports its own readiness). */
export type Readiness = {
  phase: "starting" | "migrating" | "importing" | "indexing" | "ready" | "failed";
  isReady(): boolean;
  set(phase: Readiness["phase"]): void;
};

export function createReadiness(): Readiness {
  const state: Readiness = {
    phase: "starting",
    isReady: () => state.phase === "ready",
    set: (phase) => {
      state.phase = phase;
    },
  };
  return state;
}
