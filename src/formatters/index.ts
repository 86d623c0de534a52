import type { Formatter, StreamingFormat } from './formatter.ts';

/** Each format loads only when asked for: a plain run pays for the stylish formatter alone. */
const loaders: Readonly<Record<string, () => Promise<Formatter>>> = {
  stylish: async () => (await import('./stylish.ts')).stylishFormatter,
  json: async () => (await import('./json.ts')).jsonFormatter,
  sarif: async () => (await import('./sarif.ts')).sarifFormatter,
  github: async () => (await import('./github.ts')).githubFormatter,
  markdown: async () => (await import('./markdown.ts')).markdownFormatter,
};

/** The formats written file by file as the run goes (markdown's counts come first, so it waits for the end). */
const streamingLoaders: Readonly<Record<string, () => Promise<StreamingFormat>>> = {
  stylish: async () => (await import('./stylish.ts')).stylishFormat,
  json: async () => (await import('./json.ts')).jsonFormat,
  sarif: async () => (await import('./sarif.ts')).sarifFormat,
  github: async () => (await import('./github.ts')).githubFormat,
};

export const FORMAT_NAMES = Object.keys(loaders);

export function loadFormatter(name: string): Promise<Formatter> | undefined {
  return loaders[name]?.();
}

export function loadStreamingFormat(name: string): Promise<StreamingFormat> | undefined {
  return streamingLoaders[name]?.();
}
