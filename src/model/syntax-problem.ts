/** A file that does not parse, with the offset where the parser gave up. */
export class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly length: number,
  ) {
    super(message);
  }
}

/** Text within the syntax but beyond what batchlint reads (nesting, size, aliases): nothing in it is linted. */
export class ReadLimitExceeded extends SyntaxProblem {}
