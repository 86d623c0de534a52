/**
 * The lower-case feature letters after a size's vCPU count (Azure's naming convention): Standard_D4ds_v5 → "ds",
 * Standard_NV4ads_V710_v5 → "ads", Standard_E16-4as_v4 → "as". Undefined for a name outside the convention.
 */
function featureLetters(name: string): string | undefined {
  return /^(?:Standard|Basic)_[A-Z]+\d+(?:-\d+)?([a-z]*)(?:_|$)/.exec(name.trim())?.[1];
}

/** "d" among the feature letters: the size has a local temp disk (SCSI, or NVMe on newer series). */
export function namesLocalDisk(name: string): boolean {
  return featureLetters(name)?.includes('d') ?? false;
}

/** The series version at the end of a size name: Standard_D2ds_v6 → 6; 1 when the name has none. */
export function seriesVersion(name: string): number {
  return Number(/_v(\d+)$/i.exec(name)?.[1] ?? 1);
}
