import type { Span } from './ast.ts';

/** Why an evaluation fails, where the walker knows the place; thrown by value operations, placed by the walker. */
export class EvaluationFault extends Error {
  constructor(
    message: string,
    readonly span?: Span,
  ) {
    super(message);
  }
}

/** `stop()`: ends the evaluation with the values set so far. */
export class StopEvaluation extends Error {}
