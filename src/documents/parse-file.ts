import { extname } from 'node:path';
import type { DocumentFormat, SourceDocument } from '../model/document.ts';
import { FormulaDocument } from './formula-document.ts';
import { JsonDocument } from './json-document.ts';

/** The extensions batchlint reads, and the format each is parsed as. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.json': 'json',
  '.jsonc': 'jsonc',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.tf': 'hcl',
  // Terraform variables hold no pool; read only when named, so that they are not taken for YAML.
  '.tfvars': 'hcl',
  '.bicep': 'bicep',
  // Bicep parameters hold no pool; read for the template they name, or when named.
  '.bicepparam': 'bicepparam',
};

/** The extensions a folder is searched for: those a pool can be written in. */
export const SEARCHED_EXTENSIONS = ['json', 'jsonc', 'yaml', 'yml', 'tf', 'bicep'];

/** The file's extension, lower-cased with its dot (`.json`); empty when it has none. */
export function extensionOf(filePath: string): string {
  return extname(filePath).toLowerCase();
}

export function formatOf(filePath: string): DocumentFormat | undefined {
  return FORMAT_BY_EXTENSION[extensionOf(filePath)];
}

/**
 * Parses a file as its extension says; text without one (stdin) is tried as JSON, then YAML.
 * Throws SyntaxProblem when the text does not parse. The YAML and HCL parsers are loaded only when needed.
 */
export async function parseFile(filePath: string, text: string, format = formatOf(filePath)): Promise<SourceDocument> {
  if (format === 'json' || format === 'jsonc') return JsonDocument.parse(filePath, text, format);
  if (format === 'hcl') return (await import('./hcl/hcl-document.ts')).HclDocument.parse(filePath, text);
  if (format === 'autoscale') return new FormulaDocument(filePath, text);
  if (format === 'bicep' || format === 'bicepparam') return (await import('./bicep/bicep-document.ts')).BicepDocument.parse(filePath, text, format);
  const { YamlDocument } = await import('./yaml-document.ts');
  if (format === 'yaml') return YamlDocument.parse(filePath, text);
  return text.trimStart().startsWith('{') || text.trimStart().startsWith('[') ? JsonDocument.parse(filePath, text, 'json') : YamlDocument.parse(filePath, text);
}
