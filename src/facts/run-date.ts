/** The variable that sets the date a run judges retirements by, where no --as-of is given. */
export const AS_OF_VARIABLE = 'BATCHLINT_AS_OF';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date given for the run that is not a calendar date. */
export class RunDateError extends Error {}

/**
 * The date a run judges retirements (sizes, images, node agents) by: the one given, else
 * BATCHLINT_AS_OF, else today's UTC date. A planned deployment date, or a pinned one for reproducible CI.
 */
export function runDate(given: string | undefined = process.env[AS_OF_VARIABLE] || undefined): string {
  if (given === undefined) return new Date().toISOString().slice(0, 10);
  if (!ISO_DATE.test(given) || Number.isNaN(Date.parse(`${given}T00:00:00Z`)) || new Date(`${given}T00:00:00Z`).toISOString().slice(0, 10) !== given) {
    throw new RunDateError(`the run's date must be a calendar date written YYYY-MM-DD (from --as-of or ${AS_OF_VARIABLE}), not "${given}"`);
  }
  return given;
}
