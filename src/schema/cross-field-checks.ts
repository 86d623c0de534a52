import { durationMinutes } from '../pool/duration.ts';
import { pathName, type SchemaProblem } from './schema-problem.ts';

type Pool = Record<string, unknown>;

/** A property of a value that may not be an object (the pool is checked before or without its schema). */
const child = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Pool)[key] : undefined);

const MIN_RESIZE_TIMEOUT_MINUTES = 5;
const IMAGE_IDS = ['virtualMachineImageId', 'sharedGalleryImageId', 'communityGalleryImageId'];
const RESOURCE_FILE_SOURCES = ['autoStorageContainerName', 'storageContainerUrl', 'httpUrl'];

/** The rules of the Pool - Add API that tie properties together, which a JSON Schema would only say obscurely. */
export function crossFieldProblems(pool: Pool): SchemaProblem[] {
  return [...retiredProblems(pool), ...durationProblems(pool), ...imageProblems(pool), ...startTaskProblems(pool)];
}

/** Parts of the API Batch has retired: the service refuses them, or ignores them, whatever the schema still allows. */
function retiredProblems(pool: Pool): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (pool.cloudServiceConfiguration !== undefined) {
    problems.push({
      path: ['cloudServiceConfiguration'],
      part: 'key',
      severity: 'error',
      message:
        'Cloud Services Configuration pools were retired on 29 February 2024: Batch creates no such pool and no node for one. ' +
        'Use virtualMachineConfiguration with a marketplace or gallery image (and an Azure VM size in place of a cloud service size such as "small").',
    });
  }
  // `certificates` is the management API's name for them; an empty list (a module's default) asks for none.
  for (const key of ['certificateReferences', 'certificates'].filter((name) => pool[name] !== undefined && !isEmptyList(pool[name]))) {
    problems.push({
      path: [key],
      part: 'key',
      severity: 'warning',
      message: `Batch account certificates were retired on 29 February 2024, so ${key} installs nothing. Install certificates from Key Vault with the Azure Key Vault VM extension instead.`,
    });
  }
  return problems;
}

const isEmptyList = (value: unknown) => Array.isArray(value) && value.length === 0;

const error = (path: (string | number)[], message: string): SchemaProblem => ({ path, part: 'value', severity: 'error', message });

function durationProblems(pool: Pool): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const resize = typeof pool.resizeTimeout === 'string' ? durationMinutes(pool.resizeTimeout) : undefined;
  if (resize !== undefined && resize < MIN_RESIZE_TIMEOUT_MINUTES) {
    problems.push(error(['resizeTimeout'], `"resizeTimeout" must be at least 5 minutes (PT5M), got ${String(pool.resizeTimeout)}; the API rejects shorter values`));
  }
  return problems;
}

function imageProblems(pool: Pool): SchemaProblem[] {
  const image = child(pool.virtualMachineConfiguration, 'imageReference');
  if (typeof image !== 'object' || image === null) return [];
  const path = ['virtualMachineConfiguration', 'imageReference'];
  const ids = IMAGE_IDS.filter((key) => child(image, key) !== undefined);
  const marketplace = ['publisher', 'offer', 'sku'].filter((key) => child(image, key) !== undefined);
  if (ids.length > 1) return [error(path, `"${pathName(path)}" names more than one image (${ids.join(', ')}); give exactly one`)];
  if (ids.length === 1 && marketplace.length > 0) {
    return [error(path, `"${pathName(path)}" has both ${ids[0]} and marketplace fields (${marketplace.join(', ')}); they are mutually exclusive`)];
  }
  if (ids.length === 0 && marketplace.length < 3) {
    const missing = ['publisher', 'offer', 'sku'].filter((key) => !marketplace.includes(key));
    return [error(path, `"${pathName(path)}" needs publisher, offer and sku (missing: ${missing.join(', ')}), or an image id such as virtualMachineImageId`)];
  }
  return [];
}

function startTaskProblems(pool: Pool): SchemaProblem[] {
  const startTask = pool.startTask;
  if (typeof startTask !== 'object' || startTask === null) return [];
  const problems: SchemaProblem[] = [];
  const identity = child(startTask, 'userIdentity');
  if (child(identity, 'username') !== undefined && child(identity, 'autoUser') !== undefined) {
    problems.push(error(['startTask', 'userIdentity'], '"startTask.userIdentity" gives both username and autoUser; give one of them'));
  }
  const resourceFiles = child(startTask, 'resourceFiles');
  (Array.isArray(resourceFiles) ? (resourceFiles as unknown[]) : []).forEach((file, index) => {
    if (typeof file !== 'object' || file === null) return;
    const sources = RESOURCE_FILE_SOURCES.filter((key) => (file as Pool)[key] !== undefined);
    const path = ['startTask', 'resourceFiles', index];
    if (sources.length === 0 && (file as Pool).blobSource !== undefined) return; // the old name of httpUrl, reported on its key
    if (sources.length !== 1) {
      problems.push(
        error(
          path,
          `"${pathName(path)}" must give exactly one of autoStorageContainerName, storageContainerUrl and httpUrl${sources.length > 1 ? `, not ${sources.join(' and ')}` : ''}`,
        ),
      );
    } else if (sources[0] === 'httpUrl' && (file as Pool).filePath === undefined) {
      problems.push(error(path, `missing required property "${pathName([...path, 'filePath'])}": a resource file fetched by httpUrl needs a filePath`));
    }
  });
  return problems;
}
