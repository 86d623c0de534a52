import type { Formatter } from './formatter.ts';

/** Each format loads only when asked for: a plain run pays for the stylish formatter alone. */
const loaders: Readonly<Record<string, () => Promise<Formatter>>> = {
  stylish: async () => (await import('./stylish.ts')).stylishFormatter,
  json: async () => (await import('./json.ts')).jsonFormatter,
  sarif: async () => (await import('./sarif.ts')).sarifFormatter,
  github: async () => (await import('./github.ts')).githubFormatter,
  markdown: async () => (await import('./markdown.ts')).markdownFormatter,
};

export const FORMAT_NAMES = Object.keys(loaders);

export function loadFormatter(name: string): Promise<Formatter> | undefined {
  return loaders[name]?.();
}
