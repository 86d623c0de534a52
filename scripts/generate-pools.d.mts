export function poolDefinition(index: number): Record<string, unknown>;
export function writePools(folder: string, count: number): void;
export const POOLS_FILE_FORMATS: Record<'json' | 'yaml' | 'arm' | 'arm-copy' | 'tf', (count: number) => [name: string, text: string]>;
export function writePoolsFile(folder: string, format: keyof typeof POOLS_FILE_FORMATS, count: number): string;
