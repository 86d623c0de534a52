/**
 * How many levels of objects, arrays, blocks or sub-expressions batchlint reads. Its readers and the walks
 * over what they read recurse; past this a hostile file would overflow the stack. No real pool definition,
 * template or formula comes near it.
 */
export const MAX_NESTING = 200;

/** What is said of a file, expression or formula that goes deeper than MAX_NESTING. */
export const NESTING_TOO_DEEP = `nesting deeper than ${MAX_NESTING} levels, more than batchlint reads`;

/**
 * The longest string or array an evaluator builds from a template's expressions: as long as a file of the
 * default size limit could spell out. Variables that each double the one before (concat(v1, v1)) would
 * reach gigabytes in a few dozen steps.
 */
export const MAX_EVALUATED_SIZE = 10 * 1024 * 1024;

/** Whether an evaluated value is a string or array longer than MAX_EVALUATED_SIZE. */
export function isOversized(value: unknown): boolean {
  return (typeof value === 'string' || Array.isArray(value)) && value.length > MAX_EVALUATED_SIZE;
}

// Grouped by hand: toLocaleString would load ICU's number formatting, ~17 ms of every start.
const groupThousands = (value: number) => String(value).replace(/\B(?=(\d{3})+$)/g, ',');

export const OVERSIZED = `longer than ${groupThousands(MAX_EVALUATED_SIZE)} characters or items, more than batchlint evaluates`;
