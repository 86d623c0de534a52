import { dirname } from 'node:path';

/** Files that hold no pool but change how the pools in their folder and below it read. */
const POOL_INPUTS = [/(^|\/)batchlint\.(context|config)\.(json|ya?ml)$/i, /\.parameters\.json$/i, /\.bicepparam$/i, /\.tfvars(\.json)?$/i];

/**
 * The pool files a pull request changes the meaning of without touching them: those in the folder (and below)
 * of a changed context, config, ARM or Bicep parameters or Terraform variables file, and the other .tf files of the
 * module (folder) of a changed .tf file, whose variables and locals they share.
 */
export function affectedFiles(changed: readonly string[], candidates: readonly string[]): string[] {
  const trees = changed.filter((file) => POOL_INPUTS.some((pattern) => pattern.test(file))).map(dirname);
  const modules = new Set(changed.filter((file) => file.toLowerCase().endsWith('.tf')).map(dirname));
  return candidates.filter((file) => trees.some((folder) => folder === '.' || file.startsWith(`${folder}/`)) || (file.toLowerCase().endsWith('.tf') && modules.has(dirname(file))));
}
