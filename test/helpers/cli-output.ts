// The shapes of the CLI's machine-readable outputs, for tests that read them back: the JSON report as
// docs/json-format.md describes it, and the parts of a SARIF log the tests look at.

export interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  messageId: string | null;
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  poolId: string | null;
  propertyPath: string | null;
  docsUrl: string;
  fix?: { description: string; edits: { offset: number; length: number; text: string }[] };
}

export interface JsonReport {
  version: number;
  catalogDate: string;
  environment: 'none' | 'context' | 'live';
  results: { filePath: string; findings: JsonFinding[] }[];
  notChecked: { ruleId: string; poolId: string | null; filePath: string; reason: string }[];
  notLinted: { path: string; reason: string }[];
  summary: { files: number; pools: number; errors: number; warnings: number; infos: number; fixed: number };
}

export const parseJsonReport = (text: string) => JSON.parse(text) as JsonReport;

export interface SarifResult {
  ruleId: string;
  level: string;
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } };
  }[];
  partialFingerprints: Record<string, string>;
  fixes?: unknown[];
}

export interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { rules: { id: string; shortDescription: { text: string }; helpUri: string }[] } };
    results: SarifResult[];
    invocations: { toolExecutionNotifications: unknown[] }[];
  }[];
}

export const parseSarifLog = (text: string) => JSON.parse(text) as SarifLog;

/** The file `--baseline` writes: each finding it records, by fingerprint rather than line. */
export interface BaselineFile {
  version: number;
  findings: { ruleId: string; filePath: string; poolId: string | null; fingerprint: string }[];
}

export const parseBaseline = (text: string) => JSON.parse(text) as BaselineFile;
