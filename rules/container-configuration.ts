import type { Path } from '../src/model/location.ts';
import { notStatic, type PoolRule, type RuleContext } from '../src/model/rule.ts';
import type { PoolSpec } from '../src/model/pool-definition.ts';
import { imageRegistryHost, isAzureContainerRegistry, registryServerHost } from '../src/pool/container-registry.ts';
import { imageSource } from '../src/pool/image-source.ts';
import { isKnown, isUnknown, type UnknownValue } from '../src/model/unknown.ts';

const CONTAINER_PATH = ['virtualMachineConfiguration', 'containerConfiguration'];
const DOCKER_COMPATIBLE = 'dockercompatible';
const CRI_COMPATIBLE = 'cricompatible';

type ContainerSpec = Exclude<NonNullable<Exclude<NonNullable<PoolSpec['virtualMachineConfiguration']>, UnknownValue>['containerConfiguration']>, UnknownValue>;

export const containerConfigurationRule: PoolRule = {
  meta: {
    id: 'container-configuration',
    description:
      "A container pool on an image that Batch's supported-images list does not mark DockerCompatible, or that prefetches images from an Azure Container Registry it gives no credentials for.",
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog'],
    messages: {
      imageWithoutContainers:
        "{{name}} asks for Docker-compatible containers, but Batch's supported-images list does not mark the image {{image}} DockerCompatible, " +
        'which is how Batch says an image supports Docker containers: Microsoft supports container pools only on such images and on custom ' +
        'images with a Docker-compatible runtime. Use an image the list marks DockerCompatible, or such a custom image.',
      registryWithoutCredentials:
        '{{imageName}} is pulled from the Azure Container Registry {{registry}}, which {{registries}} has no entry for: an Azure Container ' +
        'Registry needs authentication unless anonymous pull is enabled on it, so the prefetch fails and the nodes become unusable. Add ' +
        '{{registry}} there with a username and password or an identityReference.',
    },
    docs: {
      fixableNote: 'the image or the registry credentials are choices only you can make',
      facts: "Batch's supported-images list (each marketplace image's capabilities): the account's, read by --live or given in a context file, else the embedded catalog's copy",
    },
  },
  check(pool, context) {
    const configuration = context.known(pool.spec.virtualMachineConfiguration, 'the virtual machine configuration');
    const container = configuration && context.known(configuration.containerConfiguration, 'the container configuration');
    if (!isKnown(container)) return;
    checkImageSupportsContainers(pool.spec, container, context, pool.displayName(CONTAINER_PATH));
    checkRegistryCredentials(container, context, pool.displayName([...CONTAINER_PATH, 'containerRegistries']));
  },
};

function checkImageSupportsContainers(spec: PoolSpec, container: ContainerSpec, { facts, report, notChecked }: RuleContext<undefined>, name: string): void {
  // The SDK model predates the container type; the wire and ARM bodies carry it.
  const type = (container as { type?: unknown }).type;
  if (isUnknown(type)) return notChecked(notStatic('the container type', type));
  if (typeof type === 'string' && type.toLowerCase() === CRI_COMPATIBLE) {
    return notChecked("a CRI-compatible container pool: Batch's supported-images list marks Docker support only");
  }
  if (typeof type === 'string' && type.toLowerCase() !== DOCKER_COMPATIBLE) return; // pool-schema reports an unknown type
  const source = imageSource(spec);
  if (isUnknown(source)) return notChecked(notStatic('the image reference', source));
  if (source !== 'marketplace') {
    if (source === 'custom') notChecked('a custom or Compute Gallery image: whether it has a container runtime is up to whoever built it');
    return;
  }
  const image = isKnown(spec.virtualMachineConfiguration) ? spec.virtualMachineConfiguration.imageReference : undefined;
  if (!isKnown(image)) return;
  const { publisher, offer, sku } = image;
  if (isUnknown(publisher) || isUnknown(offer) || isUnknown(sku)) return notChecked('part of the image reference is not known statically');
  if (!publisher || !offer || !sku) return; // pool-schema reports an incomplete reference
  const imageName = `${publisher}/${offer}/${sku}`;
  const listed = facts.image({ publisher, offer, sku });
  if (!listed) return notChecked(`${facts.supportedImagesList} does not list the image ${imageName}`);
  if (!listed.capabilities) return notChecked(`the capabilities of the image ${imageName} are not known`);
  if (listed.capabilities.some((capability) => capability.toLowerCase() === DOCKER_COMPATIBLE)) return;
  report({ path: CONTAINER_PATH, part: 'key', messageId: 'imageWithoutContainers', data: { name, image: imageName } });
}

function checkRegistryCredentials(container: ContainerSpec, { report, notChecked }: RuleContext<undefined>, registriesName: string): void {
  const imageNames = container.containerImageNames;
  if (isUnknown(imageNames)) return notChecked(notStatic('the container image names', imageNames));
  if (!imageNames?.length) return;
  const covered = coveredRegistryHosts(container.containerRegistries);
  if (isUnknown(covered)) return notChecked(notStatic('the container registries', covered));

  imageNames.forEach((imageName, index) => {
    if (isUnknown(imageName)) return notChecked(notStatic('a container image name', imageName));
    const registry = imageRegistryHost(imageName);
    if (!registry || !isAzureContainerRegistry(registry) || covered.has(registry)) return;
    const path: Path = [...CONTAINER_PATH, 'containerImageNames', index];
    report({ path, messageId: 'registryWithoutCredentials', data: { imageName, registry, registries: registriesName } });
  });
}

/** The hosts `containerRegistries` has an entry for; unknown when any entry's server is not known statically. */
function coveredRegistryHosts(registries: ContainerSpec['containerRegistries']): Set<string> | UnknownValue {
  if (isUnknown(registries)) return registries;
  const hosts = new Set<string>();
  for (const registry of registries ?? []) {
    if (isUnknown(registry)) return registry;
    const server = registry.registryServer;
    if (isUnknown(server)) return server;
    hosts.add(registryServerHost(server));
  }
  return hosts;
}
