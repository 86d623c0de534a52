/** The name under which the generated module exports a rule's options validator: temp-disk-capacity → optionsOfTempDiskCapacity. */
export function ruleOptionsExportName(ruleId: string): string {
  return `optionsOf${ruleId.replace(/(^|-)([a-z0-9])/g, (_, __, char: string) => char.toUpperCase())}`;
}
