/**
 * The run-time values of the formula language, and how the service prints them in an autoscale run's
 * `results` (`$TargetDedicatedNodes=10;$curTime=2016-10-13T19:18:47.805Z;$runningTasksSample=[1,1,1]`).
 */
export type Value =
  | { kind: 'double'; value: number }
  | { kind: 'doubleVec'; values: number[] }
  | { kind: 'timestamp'; epochMs: number }
  | { kind: 'timeinterval'; seconds: number }
  | { kind: 'string'; value: string }
  | { kind: 'deallocationOption'; value: string };

export const double = (value: number): Value => ({ kind: 'double', value });
export const doubleVec = (values: number[]): Value => ({ kind: 'doubleVec', values });
export const timestamp = (epochMs: number): Value => ({ kind: 'timestamp', epochMs });
export const timeinterval = (seconds: number): Value => ({ kind: 'timeinterval', seconds });

/**
 * How a value is printed in `results`. Doubles and vectors as in the docs' examples; timestamps as the docs'
 * `2016-10-13T19:18:47.805Z`. No example shows a time interval: it is printed as its seconds with an `s`.
 */
export function formatValue(value: Value): string {
  switch (value.kind) {
    case 'double':
      return formatNumber(value.value);
    case 'doubleVec':
      return `[${value.values.map(formatNumber).join(',')}]`;
    case 'timestamp':
      return new Date(value.epochMs).toISOString();
    case 'timeinterval':
      return `${formatNumber(value.seconds)}s`;
    case 'string':
    case 'deallocationOption':
      return value.value;
  }
}

function formatNumber(value: number): string {
  return String(value);
}
