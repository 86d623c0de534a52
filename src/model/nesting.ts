/**
 * How many levels of objects, arrays, blocks or sub-expressions batchlint reads. Its readers and the walks
 * over what they read recurse; past this a hostile file would overflow the stack. No real pool definition,
 * template or formula comes near it.
 */
export const MAX_NESTING = 200;

/** What is said of a file, expression or formula that goes deeper than MAX_NESTING. */
export const NESTING_TOO_DEEP = `nesting deeper than ${MAX_NESTING} levels, more than batchlint reads`;
