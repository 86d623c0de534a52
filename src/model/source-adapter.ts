import type { SourceDocument } from './document.ts';
import type { Path } from './location.ts';
import type { PoolDefinition } from './pool-definition.ts';

/** Where a deployment lands, for ARM's `subscription()` and `resourceGroup()`; any part may be unknown. */
export interface DeploymentTarget {
  subscriptionId?: string;
  resourceGroup?: string;
  location?: string;
}

/** What the command line tells adapters about the files they read. */
export interface SourceOptions {
  /** `--parameters`: ARM / Batch template parameters files. */
  parameterFiles: readonly string[];
  /** `--var-file`: Terraform variable files. */
  varFiles: readonly string[];
  deployment: DeploymentTarget;
}

export const NO_SOURCE_OPTIONS: SourceOptions = { parameterFiles: [], varFiles: [], deployment: {} };

/** What an adapter may use besides the document itself. */
export interface SourceContext extends SourceOptions {
  /** Reads another file (path relative to the working directory, or absolute); undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /**
   * A problem in the source that is not about a pool property (an ARM expression that does not parse),
   * reported as a finding of the rule at that path of the document.
   */
  problem(ruleId: string, path: Path, message: string): void;
}

/** Turns one parsed file of a format into canonical pools; returns undefined when the file is not of its format. */
export interface SourceAdapter {
  readonly name: string;
  extract(document: SourceDocument, context: SourceContext): PoolDefinition[] | undefined;
}
