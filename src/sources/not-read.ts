import { extensionOf, formatOf } from '../documents/parse-file.ts';

const READ_FORMATS = 'JSON (.json, .jsonc), YAML (.yaml, .yml), Bicep (.bicep) and Terraform (.tf)';

/**
 * Why batchlint does not read a file, judged by its name; undefined for the formats it reads, and for a file
 * without an extension (stdin, `pool`), whose text is tried as JSON, then YAML.
 */
export function notReadReason(filePath: string): string | undefined {
  const extension = extensionOf(filePath);
  if (extension === '' || formatOf(filePath) !== undefined) return undefined;
  return `batchlint does not read ${extension} files; it reads pool definitions in ${READ_FORMATS}`;
}

/** Said of a Terraform variables file linted without the .tf files it gives values to. */
export const VARIABLES_FILE_ALONE =
  'Terraform variables hold no pool; lint the .tf files of the module (they read terraform.tfvars and *.auto.tfvars beside them; give other variables files with --var-file)';

export function isTerraformVariablesFile(filePath: string): boolean {
  return extensionOf(filePath) === '.tfvars';
}

/** Said of a Bicep parameters file linted without the Bicep file it gives values to. */
export const BICEP_PARAMETERS_ALONE =
  'Bicep parameters hold no pool; lint the .bicep file they are for (it reads <name>.bicepparam beside it; give another parameters file with --parameters)';

export function isBicepParametersFile(filePath: string): boolean {
  return extensionOf(filePath) === '.bicepparam';
}
