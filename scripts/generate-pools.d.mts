export function poolDefinition(index: number): Record<string, unknown>;
export function writePools(folder: string, count: number): void;
