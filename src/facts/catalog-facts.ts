import { closestVmSizeNames, findImage, findVmSize, loadCatalog, sizesSupportingGeneration } from '../catalog/catalog.ts';
import { imageGeneration } from '../catalog/image-generation.ts';
import type { Facts } from './facts.ts';

/** Facts from the embedded catalog alone: what an offline run knows. The catalog loads on first use. */
export function createCatalogFacts(): Facts {
  return {
    get catalogDate() {
      return loadCatalog().dataDate;
    },
    vmSize: (name) => findVmSize(name),
    closestVmSizeNames: (name, limit) => closestVmSizeNames(name, limit),
    sizesSupportingGeneration: (size, generation, limit) => sizesSupportingGeneration(size, generation, limit),
    imageGeneration(reference) {
      const result = imageGeneration(reference);
      return result.known ? { known: true, value: { generation: result.generation, basis: result.basis } } : result;
    },
    image: (reference) => findImage(reference),
  };
}
