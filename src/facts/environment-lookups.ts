import type { Environment, ImageFacts, LockFacts, VmSizeFacts } from '../model/environment.ts';
import type { EnvironmentSource, Fact, ResourceKind, SizeOffering } from '../model/facts.ts';
import { isWithinScope, normalizeResourceId } from './resource-id.ts';

/**
 * What live mode could not read, by the key of the resource it asked for (see `unavailableKey`), with
 * the reason: "403 AuthorizationFailed from Microsoft.Network/virtualNetworks/subnets read".
 */
export type Unavailable = ReadonlyMap<string, string>;

const GALLERY_IMAGE_VERSION = /\/versions\/[^/]+$/;

export function unavailableKey(kind: ResourceKind, id = ''): string {
  return `${kind}:${normalizeResourceId(id)}`;
}

/** Lookups into the environment a context file or live mode supplied; absent parts are unknown, with why. */
export class EnvironmentLookups {
  private readonly subnets: Map<string, NonNullable<Environment['subnets']>[string]>;
  private readonly images: Map<string, ImageFacts>;
  private readonly vmSizes: Map<string, VmSizeFacts>;

  constructor(
    private readonly environment: Environment,
    readonly source: EnvironmentSource,
    private readonly unavailable: Unavailable = new Map(),
    /** Where the facts came from, for reasons: "the context file batchlint.context.yaml". */
    private readonly origin = source === 'live' ? 'live Azure' : source === 'context' ? 'the context file' : 'no context file and no --live',
  ) {
    this.subnets = keyedByResourceId(environment.subnets);
    this.images = keyedByResourceId(environment.images);
    this.vmSizes = new Map(Object.entries(environment.vmSizes ?? {}).map(([name, facts]) => [name.toLowerCase(), facts]));
  }

  location(): Fact<string> {
    return this.environment.location ? known(this.environment.location) : this.missing(unavailableKey('account'), "the Batch account's region");
  }

  account(): Fact<NonNullable<Environment['account']>> {
    return this.environment.account ? known(this.environment.account) : this.missing(unavailableKey('account'), 'the Batch account');
  }

  subscriptionQuotas(): Fact<NonNullable<Environment['subscriptionQuotas']>> {
    const quotas = this.environment.subscriptionQuotas;
    return quotas ? known(quotas) : this.missing(unavailableKey('subscriptionQuotas'), "the subscription's vCPU quotas");
  }

  subnet(id: string): Fact<NonNullable<Environment['subnets']>[string]> {
    const subnet = this.subnets.get(normalizeResourceId(id));
    return subnet ? known(subnet) : this.missing(unavailableKey('subnet', id), `subnet ${id}`);
  }

  providerRegistration(namespace: string): Fact<string> {
    const providers = Object.entries(this.environment.subscription?.providers ?? {});
    const state = providers.find(([name]) => name.toLowerCase() === namespace.toLowerCase())?.[1];
    return state ? known(state) : this.missing(unavailableKey('providers'), `the registration state of ${namespace} in the Batch account's subscription (subscription.providers)`);
  }

  batchRoleAssignments(): Fact<string[]> {
    const roles = this.environment.subscription?.batchRoleAssignments;
    if (roles) return known(roles);
    const what = 'the roles "Microsoft Azure Batch" holds on the subscription (subscription.batchRoleAssignments)';
    // Finding Batch's service principal needs its object id in the tenant, which only Microsoft Graph gives.
    if (this.source === 'live')
      return { known: false, reason: `${what} are not read by live mode (finding Batch's service principal needs Microsoft Graph); give them in a context file` };
    return this.missing(undefined, what);
  }

  /**
   * The locks on a resource or above it. A lock read that failed at a scope above the resource, or below it
   * (a read at a subnet also answers for its resource group), leaves them unknown.
   */
  locksCovering(resourceId: string): Fact<LockFacts[]> {
    const failed = [...this.unavailable].find(([key]) => {
      if (!key.startsWith('locks:')) return false;
      const scope = key.slice('locks:'.length);
      return isWithinScope(resourceId, scope) || isWithinScope(scope, resourceId);
    });
    if (failed) return { known: false, reason: `the locks could not be read: ${failed[1]}` };
    if (!this.environment.locks) return this.missing(undefined, 'the list of locks');
    return known(this.environment.locks.filter((lock) => isWithinScope(resourceId, lock.scope)));
  }

  /** The image's facts by its id; an image definition's entry also answers for its versions, a version's own entry first. */
  image(id: string): Fact<ImageFacts> {
    const normalized = normalizeResourceId(id);
    const own = this.images.get(normalized);
    const definition = GALLERY_IMAGE_VERSION.test(normalized) ? this.images.get(normalized.replace(GALLERY_IMAGE_VERSION, '')) : undefined;
    const { replicaCount: _latestReplicas, ...definitionFacts } = definition ?? {};
    return own || definition ? known({ ...definitionFacts, ...own }) : this.missing(unavailableKey('image', id), `image ${id}`);
  }

  /**
   * The replicas in the account's region of the gallery image version a pool gets: a version's entry answers for
   * that version only; an image definition's, for the version its latest is (a pool naming the definition).
   */
  imageReplicas(id: string): Fact<number> {
    const replicas = this.images.get(normalizeResourceId(id))?.replicaCount;
    if (replicas !== undefined) return known(replicas);
    const what = `the replica count of image ${id} in the Batch account's region`;
    const failure = this.unavailable.get(unavailableKey('image', id));
    if (failure) return { known: false, reason: `${what} could not be read: ${failure}` };
    // Live mode reads the version's target regions, which say nothing until the account's region is known.
    const location = this.location();
    if (this.source === 'live' && !location.known) return { known: false, reason: `${what} is not known: ${location.reason}` };
    if (this.source === 'live' && !GALLERY_IMAGE_VERSION.test(normalizeResourceId(id)))
      return {
        known: false,
        reason: `${what} is not read by live mode for an image definition, whose latest version Azure picks; pin a version, or give the definition's replicaCount in a context file`,
      };
    return this.missing(undefined, `${what} (the replicaCount of its images entry)`);
  }

  /** The image's facts, when the environment has any (a marketplace image is looked up by its key, only then). */
  knownImage(key: string): ImageFacts | undefined {
    return this.images.get(normalizeResourceId(key));
  }

  vmSizeOverride(name: string): VmSizeFacts | undefined {
    return this.vmSizes.get(name.toLowerCase());
  }

  /** Offering from the environment's size facts (live: the region's resource SKUs); undefined when it has none for the size. */
  sizeOffering(name: string, catalogRegions: string[] | undefined): Fact<SizeOffering> {
    const location = this.location();
    if (!location.known) return location;
    const region = location.value.toLowerCase().replace(/\s+/g, '');
    const override = this.vmSizeOverride(name);
    const regions = override?.locations ?? catalogRegions;
    return known({
      location: location.value,
      offered: regions
        ? known(regions.some((candidate) => candidate.toLowerCase().replace(/\s+/g, '') === region))
        : this.missing(unavailableKey('skus'), `a list of the regions ${name} is offered in (vmSizes.${name}.locations)`),
      restrictions: override?.restrictions
        ? known(override.restrictions)
        : this.missing(unavailableKey('skus'), `whether ${name} is restricted for the subscription (vmSizes.${name}.restrictions)`),
    });
  }

  /** Why live mode could not read a resource, when it tried and failed. */
  unreadReason(kind: ResourceKind, id = ''): string | undefined {
    return this.unavailable.get(unavailableKey(kind, id));
  }

  private missing(key: string | undefined, what: string): { known: false; reason: string } {
    const failure = key === undefined ? undefined : this.unavailable.get(key);
    if (failure) return { known: false, reason: `${what} could not be read: ${failure}` };
    if (this.source === 'none') return { known: false, reason: `${what} is an Azure fact; give a context file or --live` };
    return { known: false, reason: `${what} is not in ${this.origin}` };
  }
}

function known<T>(value: T): Fact<T> {
  return { known: true, value };
}

function keyedByResourceId<T>(record: Record<string, T> | undefined): Map<string, T> {
  return new Map(Object.entries(record ?? {}).map(([id, value]) => [normalizeResourceId(id), value]));
}
