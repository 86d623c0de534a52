const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** Minutes in an ISO-8601 duration (weeks, days, hours, minutes, seconds); undefined when it is not one. Years and months have no fixed length and are refused. */
export function durationMinutes(value: string): number | undefined {
  const match = ISO_DURATION.exec(value);
  if (!match || value === 'P' || /T$/i.test(value)) return undefined;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number];
  return weeks * 7 * 24 * 60 + days * 24 * 60 + hours * 60 + minutes + seconds / 60;
}

/** An ISO-8601 duration for a whole number of minutes, as Batch writes them (PT30M, PT1H30M). */
export function minutesToDuration(totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${minutes > 0 || hours === 0 ? `${minutes}M` : ''}`;
}
