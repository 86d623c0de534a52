/** A gallery image version's publishing profile, as much of it as says where its replicas are. */
export interface PublishingProfile {
  replicaCount?: number;
  targetRegions?: { name: string; regionalReplicaCount?: number }[];
}

/**
 * The version's replicas in a region: the target region's own count, else the version's `replicaCount` (which
 * applies to target regions without one); 0 when the region is not a target region; undefined when neither says.
 * ARM names target regions by display name ("West Europe"), the account's region by name ("westeurope").
 */
export function replicasInRegion(profile: PublishingProfile | undefined, location: string): number | undefined {
  const target = profile?.targetRegions?.find((region) => regionKey(region.name) === regionKey(location));
  if (!target) return profile?.targetRegions ? 0 : undefined;
  return target.regionalReplicaCount ?? profile?.replicaCount;
}

function regionKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '');
}
