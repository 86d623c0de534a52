/**
 * Whether other files of its folder may read this one, so that findings land in it when they are linted: a
 * template's `<name>.parameters.json`, and the files of a Terraform module (its .tf files read each other,
 * terraform.tfvars and *.auto.tfvars). Files the command line names (--parameters, --var-file) may be read
 * from anywhere, and are not judged by their name.
 */
export function mayBeReadByOtherFiles(filePath: string): boolean {
  return /\.parameters\.json$/i.test(filePath) || /\.(?:tf|tfvars)(?:\.json)?$/i.test(filePath);
}

/** A Bicep file may be a module of any other in the run: a caller's lint adds findings to it, with the caller's params. */
export function mayBeDeployedByOtherFiles(filePath: string): boolean {
  return /\.bicep$/i.test(filePath);
}
