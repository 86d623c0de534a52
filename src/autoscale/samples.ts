/**
 * The metric history a sample variable answers from, and the sample windows of its methods.
 *
 * `values` run oldest first, newest last; `null` is a sample the service did not record (it counts against
 * the sample percentage). The newest sample is `newestAgeSeconds` old (default 0), and each earlier one
 * `periodSeconds` (default 30, the docs' sampling period) older.
 */
export interface SampleSeries {
  values: (number | null)[];
  periodSeconds?: number;
  newestAgeSeconds?: number;
}

export const DEFAULT_SAMPLE_PERIOD_SECONDS = 30;

export interface SampleWindow {
  /** The recorded samples in the window, oldest first. */
  values: number[];
  /** Recorded samples against the samples the window should hold, in percent (100 for an empty window). */
  percent: number;
}

/** The recorded samples, oldest first. */
export function recordedValues(series: SampleSeries): number[] {
  return series.values.filter((value): value is number => value !== null);
}

/** The newest `count` recorded samples, oldest first (fewer when fewer are recorded). */
export function newestSamples(series: SampleSeries, count: number): number[] {
  const recorded = recordedValues(series);
  return count <= 0 ? [] : recorded.slice(Math.max(0, recorded.length - Math.floor(count)));
}

/**
 * The samples whose age lies in [from, to) seconds (the bounds in either order, as `GetSample(1 * TimeInterval_Minute,
 * 6 * TimeInterval_Minute)` reads). The window should hold one sample per period: 10 minutes, 20 samples.
 */
export function sampleWindow(series: SampleSeries, fromAgeSeconds: number, toAgeSeconds: number): SampleWindow {
  const period = series.periodSeconds ?? DEFAULT_SAMPLE_PERIOD_SECONDS;
  const newestAge = series.newestAgeSeconds ?? 0;
  const low = Math.min(fromAgeSeconds, toAgeSeconds);
  const high = Math.max(fromAgeSeconds, toAgeSeconds);
  const expected = Math.round((high - low) / period);
  const values: number[] = [];
  series.values.forEach((value, index) => {
    const age = newestAge + (series.values.length - 1 - index) * period;
    if (value !== null && age >= low && age < high) values.push(value);
  });
  return { values, percent: expected === 0 ? 100 : Math.min(100, (values.length / expected) * 100) };
}

/** The age in seconds of the oldest recorded sample, or undefined when none is recorded. */
export function oldestRecordedAge(series: SampleSeries): number | undefined {
  const index = series.values.findIndex((value) => value !== null);
  if (index < 0) return undefined;
  const period = series.periodSeconds ?? DEFAULT_SAMPLE_PERIOD_SECONDS;
  return (series.newestAgeSeconds ?? 0) + (series.values.length - 1 - index) * period;
}
