import type { ValueType } from './types.ts';

// The names the service defines, as data. Unless a group says otherwise, each comes from Microsoft's article
// "Create a formula to automatically scale compute nodes in a Batch pool"
// (https://learn.microsoft.com/azure/batch/batch-automatic-scaling; read in the versions of
// MicrosoftDocs/azure-docs @ 5785615643fa3976b83d66862ec2fcd843f85cde (06/2017) and of the 12/2020 copy
// v-harrishe/azure-docs @ a9b41fe93029332c0f4908486bc17dda535c9343, articles/batch/batch-automatic-scaling.md).

export interface ServiceVariable {
  access: 'read-write' | 'read-only';
  /** The type of the variable read as a value; the read-only ones are also sample objects with methods. */
  type: ValueType;
  /** The target of the pool's size (or a legacy alias of one). */
  target?: boolean;
}

const READ_ONLY: ServiceVariable = { access: 'read-only', type: 'double' };
const TARGET: ServiceVariable = { access: 'read-write', type: 'double', target: true };

export const SERVICE_VARIABLES: ReadonlyMap<string, ServiceVariable> = new Map([
  // Read-write ("Read-write service-defined variables"); the aliases are in the note under that table.
  ['$TargetDedicatedNodes', TARGET],
  ['$TargetLowPriorityNodes', TARGET],
  ['$TargetDedicated', TARGET],
  ['$TargetLowPriority', TARGET],
  ['$NodeDeallocationOption', { access: 'read-write', type: 'deallocationOption' }],
  // Read-only ("Read-only service-defined variables").
  ['$CPUPercent', READ_ONLY],
  ['$WallClockSeconds', READ_ONLY],
  ['$MemoryBytes', READ_ONLY],
  ['$DiskBytes', READ_ONLY],
  ['$DiskReadBytes', READ_ONLY],
  ['$DiskWriteBytes', READ_ONLY],
  ['$DiskReadOps', READ_ONLY],
  ['$DiskWriteOps', READ_ONLY],
  ['$NetworkInBytes', READ_ONLY],
  ['$NetworkOutBytes', READ_ONLY],
  ['$SampleNodeCount', READ_ONLY],
  ['$ActiveTasks', READ_ONLY],
  ['$RunningTasks', READ_ONLY],
  ['$PendingTasks', READ_ONLY],
  ['$SucceededTasks', READ_ONLY],
  ['$FailedTasks', READ_ONLY],
  ['$CurrentDedicatedNodes', READ_ONLY],
  ['$CurrentLowPriorityNodes', READ_ONLY],
  ['$PreemptedNodeCount', READ_ONLY],
  // Added with task slots: the 11/2020 article (its localized copies, e.g. Microsoft/azure-docs.pl-pl).
  ['$TaskSlotsPerNode', READ_ONLY],
  // Legacy read-only name of the 2015/2016 article (zhenjiao-ms/test-azure-content @ 5ef37d96…), still in use.
  ['$CurrentDedicated', READ_ONLY],
  // Seen only in secondary sources quoting the current page; accepted so as not to flag a formula that may work.
  ['$UsableNodeCount', READ_ONLY],
]);

/** The values of `$NodeDeallocationOption` (the read-write table). */
export const DEALLOCATION_OPTIONS: ReadonlySet<string> = new Set(['requeue', 'terminate', 'taskcompletion', 'retaineddata']);

/** The `timeinterval` constants ("Types"), in seconds (a year counted as 365 days: the docs give no length). */
export const TIME_INTERVAL_SECONDS: ReadonlyMap<string, number> = new Map([
  ['TimeInterval_Zero', 0],
  ['TimeInterval_100ns', 1e-7],
  ['TimeInterval_Microsecond', 1e-6],
  ['TimeInterval_Millisecond', 1e-3],
  ['TimeInterval_Second', 1],
  ['TimeInterval_Minute', 60],
  ['TimeInterval_Hour', 3600],
  ['TimeInterval_Day', 86_400],
  ['TimeInterval_Week', 604_800],
  ['TimeInterval_Year', 31_536_000],
]);

export const TIME_INTERVAL_CONSTANTS: ReadonlySet<string> = new Set(TIME_INTERVAL_SECONDS.keys());

/** The members of a `timestamp` ("Types"), all numbers. */
export const TIMESTAMP_MEMBERS: ReadonlySet<string> = new Set(['year', 'month', 'day', 'weekday', 'hour', 'minute', 'second']);

/** What an argument may be: a double or doubleVec (`numeric`), or a string. */
export type ParameterKind = 'numeric' | 'string';

export interface FunctionSignature {
  /** `list`: a doubleVecList, any number of doubles and doubleVecs; otherwise one entry per parameter. */
  parameters: 'list' | readonly ParameterKind[];
  /** Parameters that may be left out, counted from the end. */
  optional?: number;
  /** `shape`: a double for one double argument, otherwise a doubleVec (lg, ln, log). */
  returns: ValueType | 'shape';
  /** Not in any version of the docs read here, but seen working in real formulas: arguments are not checked. */
  undocumented?: true;
}

const LIST_TO_DOUBLE: FunctionSignature = { parameters: 'list', returns: 'double' };
const LIST_TO_SHAPE: FunctionSignature = { parameters: 'list', returns: 'shape' };
const OBSERVED_ROUNDING: FunctionSignature = { parameters: ['numeric'], returns: 'shape', undocumented: true };

/** The functions ("Functions"). */
export const FUNCTIONS: ReadonlyMap<string, FunctionSignature> = new Map([
  ['avg', LIST_TO_DOUBLE],
  ['len', LIST_TO_DOUBLE],
  ['lg', LIST_TO_SHAPE],
  ['ln', LIST_TO_SHAPE],
  ['log', LIST_TO_SHAPE],
  ['max', LIST_TO_DOUBLE],
  ['min', LIST_TO_DOUBLE],
  ['norm', LIST_TO_DOUBLE],
  ['percentile', { parameters: ['numeric', 'numeric'], returns: 'double' }],
  ['rand', { parameters: [], returns: 'double' }],
  ['range', LIST_TO_DOUBLE],
  ['std', LIST_TO_DOUBLE],
  ['stop', { parameters: [], returns: 'unknown' }],
  ['sum', LIST_TO_DOUBLE],
  ['time', { parameters: ['string'], optional: 1, returns: 'timestamp' }],
  ['val', { parameters: ['numeric', 'numeric'], returns: 'double' }],
  // Not in the docs read here; used in production formulas whose authors report them working
  // (see /work/shared/research/autoscale-language.md, "Functions"), and listed by later docs per secondary sources.
  ['ceil', OBSERVED_ROUNDING],
  ['floor', OBSERVED_ROUNDING],
  ['round', OBSERVED_ROUNDING],
]);

/** What a method's argument may be. */
export type MethodParameter = readonly ('double' | 'timestamp' | 'timeinterval')[];

export interface MethodSignature {
  parameters: readonly MethodParameter[];
  /** Fewest arguments. */
  required: number;
  returns: ValueType;
}

const TIME: MethodParameter = ['timestamp', 'timeinterval'];

/** The methods of the sample variables ("Obtain sample data", "Methods"). */
export const METHODS: ReadonlyMap<string, MethodSignature> = new Map([
  // GetSample(count) | GetSample(start [, samplePercent]) | GetSample(start, end [, samplePercent])
  ['GetSample', { parameters: [['double', ...TIME], ['double', ...TIME], ['double']], required: 1, returns: 'doubleVec' }],
  // The docs compare its result with a number (`$samples < 70`): a double.
  ['GetSamplePercent', { parameters: [TIME, TIME], required: 1, returns: 'double' }],
  // The docs name no type for the period.
  ['GetSamplePeriod', { parameters: [], required: 0, returns: 'unknown' }],
  ['Count', { parameters: [], required: 0, returns: 'double' }],
  ['HistoryBeginTime', { parameters: [], required: 0, returns: 'timestamp' }],
]);
