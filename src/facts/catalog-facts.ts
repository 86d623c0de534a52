import { closestVmSizeNames, findVmSize, loadCatalog, regionsOf, sizesSupportingGeneration } from '../catalog/catalog.ts';
import { imageGeneration } from '../catalog/image-generation.ts';
import { customImageId, marketplaceImageKey } from '../pool/image-source.ts';
import type { VmSizeInfo } from '../catalog/types.ts';
import type { Environment } from '../model/environment.ts';
import { EnvironmentLookups, type Unavailable } from './environment-lookups.ts';
import type { EnvironmentSource, Facts, ImageReferenceInput } from '../model/facts.ts';
import { runDate } from './run-date.ts';
import { SupportedImages } from './supported-images.ts';

export interface FactSources {
  environment?: Environment;
  source?: EnvironmentSource;
  /** What live mode could not read, and why. */
  unavailable?: Unavailable;
  /** How to name the environment's origin in reasons, e.g. "the context file ci/batchlint.context.yaml". */
  origin?: string;
  /** The run's date (ISO); runDate()'s by default. */
  today?: string;
}

/**
 * The facts of a run: the embedded catalog (loaded on first use), overlaid with the environment from a
 * context file or live mode when there is one.
 */
export function createFacts(sources: FactSources = {}): Facts {
  const source = sources.source ?? (sources.environment ? 'context' : 'none');
  const environment = new EnvironmentLookups(sources.environment ?? {}, source, sources.unavailable, sources.origin);
  // A file may hold anything where a size name belongs (pool-schema reports it): only a string names a size.
  const vmSize = (name: string): VmSizeInfo | undefined => (typeof name === 'string' ? withOverride(findVmSize(name), name, environment) : undefined);
  const supportedImages = new SupportedImages(sources.environment?.account?.supportedImages, source, sources.origin, environment.unreadReason('supportedImages'));
  return {
    environmentSource: source,
    today: sources.today ?? runDate(),
    get catalogDate() {
      return loadCatalog().dataDate;
    },
    vmSize,
    closestVmSizeNames: (name, limit) => closestVmSizeNames(name, limit),
    sizesSupportingGeneration: (size, generation, limit) => sizesSupportingGeneration(size, generation, limit),
    imageGeneration(reference) {
      const fromEnvironment = customImageGeneration(reference, environment) ?? marketplaceImageGeneration(reference, environment);
      if (fromEnvironment) return fromEnvironment;
      const result = imageGeneration(reference);
      if (result.known) return { known: true, value: { generation: result.generation, basis: result.basis } };
      const key = marketplaceImageKey(reference);
      if (!key) return result;
      const unread = environment.unreadReason('image', key);
      if (unread) return { known: false, reason: `${result.reason}, and Azure could not be asked: ${unread}` };
      return environment.source === 'live' ? result : { known: false, reason: `${result.reason}; an images entry "${key}" in the context file, or --live, can tell it` };
    },
    imageDiskControllers: (reference) => imageDiskControllers(reference, environment),
    image: (reference) => supportedImages.find(reference),
    supportedImagesList: supportedImages.name,
    location: () => environment.location(),
    account: () => environment.account(),
    subscriptionQuotas: () => environment.subscriptionQuotas(),
    subnet: (id) => environment.subnet(id),
    providerRegistration: (namespace) => environment.providerRegistration(namespace),
    batchRoleAssignments: () => environment.batchRoleAssignments(),
    imageReplicas: (id) => environment.imageReplicas(id),
    locksCovering: (resourceId) => environment.locksCovering(resourceId),
    unreadReason: (kind, id) => environment.unreadReason(kind, id),
    sizeOffering(name) {
      const catalogSize = findVmSize(name);
      return environment.sizeOffering(name, catalogSize ? regionsOf(catalogSize) : undefined);
    },
  };
}

/** A gallery or managed image's generation, from the environment's image facts. */
function customImageGeneration(reference: ImageReferenceInput, environment: EnvironmentLookups): ReturnType<Facts['imageGeneration']> | undefined {
  const id = customImageId(reference);
  if (!id) return undefined;
  const image = environment.image(id);
  if (!image.known) return environment.source === 'none' ? undefined : image;
  const generation = image.value.hyperVGeneration;
  if (!generation) return { known: false, reason: `the image definition ${id} does not say its Hyper-V generation` };
  return { known: true, value: { generation, basis: `the image definition's hyperVGeneration is ${generation}` } };
}

/** A marketplace image's generation as the environment gives it (live mode: the image version's hyperVGeneration). */
function marketplaceImageGeneration(reference: ImageReferenceInput, environment: EnvironmentLookups): ReturnType<Facts['imageGeneration']> | undefined {
  const key = marketplaceImageKey(reference);
  const generation = key ? environment.knownImage(key)?.hyperVGeneration : undefined;
  if (!generation) return undefined;
  return { known: true, value: { generation, basis: `the hyperVGeneration of ${key} is ${generation}` } };
}

/** The disk controllers an image is tagged for, as the environment gives them: a gallery image by its id, a marketplace image by its key. */
function imageDiskControllers(reference: ImageReferenceInput, environment: EnvironmentLookups): ReturnType<Facts['imageDiskControllers']> {
  const id = customImageId(reference);
  if (id) {
    const image = environment.image(id);
    if (!image.known) return image;
    const types = image.value.diskControllerTypes;
    if (!types) {
      const why = environment.source === 'live' ? 'Azure gives the tag only for a gallery image definition' : 'its entry has no diskControllerTypes';
      return { known: false, reason: `image ${id} does not say which disk controllers it is tagged for (${why})` };
    }
    return { known: true, value: { types, basis: `the image definition's DiskControllerTypes is ${types.join(', ')}` } };
  }
  const key = marketplaceImageKey(reference);
  if (!key) return { known: false, reason: 'the image reference names no image' };
  const types = environment.knownImage(key)?.diskControllerTypes;
  if (types) return { known: true, value: { types, basis: `the DiskControllerTypes of ${key} is ${types.join(', ')}` } };
  const unread = environment.unreadReason('image', key);
  if (unread) return { known: false, reason: `the image ${key} could not be read: ${unread}` };
  if (environment.source === 'live') return { known: false, reason: `live mode did not read the image ${key}` };
  return {
    known: false,
    reason: `the catalog does not say which disk controllers ${key} is tagged for; an images entry "${key}" with diskControllerTypes in the context file, or --live, can tell it`,
  };
}

function withOverride(size: VmSizeInfo | undefined, name: string, environment: EnvironmentLookups): VmSizeInfo | undefined {
  const override = environment.vmSizeOverride(name);
  if (!override) return size;
  const { locations: _locations, restrictions: _restrictions, ...fields } = override;
  if (size) return { ...size, ...fields };
  if (override.vCPUs === undefined) return undefined;
  return { name, regionMask: '0', ...fields, vCPUs: override.vCPUs };
}
