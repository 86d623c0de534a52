/** A retirement this close is worth acting on before the pool is created. */
export const RETIREMENT_WARNING_DAYS = 180;

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000);
}
