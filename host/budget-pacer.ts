/**
 * How many instructions (backward jumps and calls) the WASM VM runs before it returns to the host.
 *
 * Why the budget follows the clock: V8 has no on-stack replacement for WebAssembly. A call into
 * the eval loop keeps running the code it was entered with — at first Liftoff's, which runs
 * Python about 2.5× slower — and TurboFan's code, ready some 100 ms into a program, only serves
 * the next call. With a fixed budget of a million, a float-heavy program (nbody) never came back
 * before its end and ran wholly on Liftoff's code: 1.28 s for its first run against 0.92 s with
 * 10 ms slices (measured 2026-11-24, bench/programs/nbody.py, pinned to one CPU). A fixed small
 * budget is no answer either: 20,000 is 10 ms of nbody but 1.3 ms of fib, and each return costs
 * about 40 µs (the host's setImmediate and the VM's resume). So the pacer measures each slice and
 * scales the next budget towards SLICE_MS, which also bounds how long a KeyboardInterrupt waits.
 */

/** The wall time one call into the VM should take. */
export const SLICE_MS = 10;
/** The first call's budget: small, so that a long program returns soon after tier-up. */
const FIRST_BUDGET = 10_000;
const MIN_BUDGET = 1_000;
const MAX_BUDGET = 1 << 28;
/** A slice changes the budget by at most this factor: one slow or fast slice is not a trend. */
const MAX_STEP = 4;

/**
 * Budgets for successive calls: `next()` before each call into the VM. A `fixed` budget (a host's
 * own choice, tests) is returned every time; 0 means run to the end in one call.
 */
export function budgetPacer(fixed?: number): { next(): number } {
  if (fixed !== undefined) return { next: () => fixed };
  let budget = 0;
  let started = 0;
  return {
    next(): number {
      const now = performance.now();
      if (budget === 0) budget = FIRST_BUDGET;
      else {
        const ms = now - started;
        const factor = ms <= 0 ? MAX_STEP : Math.min(MAX_STEP, Math.max(1 / MAX_STEP, SLICE_MS / ms));
        budget = Math.round(Math.min(MAX_BUDGET, Math.max(MIN_BUDGET, budget * factor)));
      }
      started = now;
      return budget;
    },
  };
}
