/** A baseline file that cannot be used: the run fails with exit 2 and this message. */
export class BaselineError extends Error {}
