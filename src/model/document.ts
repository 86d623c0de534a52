import type { Location, Path, StringRange } from './location.ts';
import type { SyntaxProblem } from './syntax-problem.ts';

/** `autoscale`: a file that holds one bare autoscale formula (`batchlint autoscale check`). */
export type DocumentFormat = 'json' | 'jsonc' | 'yaml' | 'hcl' | 'autoscale' | 'bicep' | 'bicepparam';

/** A minimal text edit against the original file, in character offsets. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

/** Where a path landed: on the exact key or value, or on the nearest ancestor that exists. */
export interface Located {
  location: Location;
  exact: boolean;
  /** The file the location is in, when it is not the linted file (a value from a parameters file). */
  filePath?: string;
  /** Where the value came from, when not written at the property itself: "value from variable 'image'". */
  origin?: string;
}

/** A parsed file that still knows where every key and value came from. */
export interface SourceDocument {
  readonly filePath: string;
  readonly text: string;
  readonly format: DocumentFormat;
  /** The plain data, as JSON.parse would give it. */
  readonly value: unknown;
  /** What is wrong with the file's syntax without stopping it being read (a repeated key); each is a parse-error finding. */
  readonly problems?: readonly SyntaxProblem[];
  /**
   * The key or value at path, falling back to the nearest ancestor that exists. With `within`, the characters
   * written for that range of the string value; the whole value where they cannot be told exactly.
   */
  locate(path: Path, part?: 'key' | 'value', within?: StringRange): Located;
  /** Edits that set the value at path, inserting the property when absent; undefined when it cannot be done safely. */
  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined;
}
