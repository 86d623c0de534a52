import { extensionOf, formatOf } from '../documents/parse-file.ts';

const READ_FORMATS = 'JSON (.json, .jsonc), YAML (.yaml, .yml) and Terraform (.tf)';

/** What to do with a file of a format batchlint does not read yet but can read once compiled. */
const COMPILE_FIRST: Readonly<Record<string, string>> = {
  '.bicep': 'batchlint does not read Bicep yet; run `az bicep build` and lint the JSON template it writes',
  '.bicepparam': 'batchlint does not read Bicep parameters files yet; run `az bicep build-params` and give the JSON it writes with --parameters',
};

/**
 * Why batchlint does not read a file, judged by its name; undefined for the formats it reads, and for a file
 * without an extension (stdin, `pool`), whose text is tried as JSON, then YAML.
 */
export function notReadReason(filePath: string): string | undefined {
  const extension = extensionOf(filePath);
  if (extension === '' || formatOf(filePath) !== undefined) return undefined;
  return COMPILE_FIRST[extension] ?? `batchlint does not read ${extension} files; it reads pool definitions in ${READ_FORMATS}`;
}

/** Said of a Terraform variables file linted without the .tf files it gives values to. */
export const VARIABLES_FILE_ALONE =
  'Terraform variables hold no pool; lint the .tf files of the module (they read terraform.tfvars and *.auto.tfvars beside them; give other variables files with --var-file)';

export function isTerraformVariablesFile(filePath: string): boolean {
  return extensionOf(filePath) === '.tfvars';
}
