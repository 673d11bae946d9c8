// Shared by the benchmarks: medians resist the noise of a shared machine better than means.

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median milliseconds of `runs` calls of `f`. */
export function time(runs: number, f: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** Median milliseconds of `f` over `runs` calls, each on a fresh input that `prepare` makes untimed. */
export function timeFresh<T>(runs: number, prepare: () => T, f: (input: T) => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = prepare();
    const t0 = performance.now();
    f(input);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}
