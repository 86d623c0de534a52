import { lintText, type TextResult } from '../../src/engine/lint-text.ts';
import { createFacts } from '../../src/facts/catalog-facts.ts';
import type { LoadedConfig } from '../../src/config/config.ts';
import type { Finding } from '../../src/model/finding.ts';
import { NO_SOURCE_OPTIONS } from '../../src/model/source-adapter.ts';
import { allRules } from '../../rules/index.ts';

const config: LoadedConfig = { path: undefined, directory: '.', config: {}, overrideMatchers: [] };
const facts = createFacts({ today: '2026-12-01' });

/** Lints text as the named file with every rule, as a user who named the file would. */
export function lintOf(filePath: string, text: string): Promise<TextResult> {
  return lintText({ filePath, text, config, rules: allRules, facts, sources: NO_SOURCE_OPTIONS, readFile: () => undefined });
}

/** Whether the finding's place is inside the text: a line that exists, and a column on it (or just past its end). */
export function isInside(finding: Finding, text: string): boolean {
  const lines = text.split('\n');
  const line = lines[finding.line - 1];
  return line !== undefined && finding.column >= 1 && finding.column <= line.length + 1 && finding.endLine >= finding.line;
}

/** The names Object.prototype has, to compare before and after reading hostile keys. */
export function prototypeNames(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

export const POOL_HEAD = { id: 'p', vmSize: 'Standard_D2s_v3' };

export const ARM_TEMPLATE = (properties: string, variables = '{}') =>
  `{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","contentVersion":"1.0.0.0","variables":${variables},"resources":[{"type":"Microsoft.Batch/batchAccounts/pools","apiVersion":"2024-07-01","name":"acct/p","properties":${properties}}]}`;

export const TERRAFORM_POOL = (attributes: string) =>
  `resource "azurerm_batch_pool" "p" {\n  name = "p"\n  resource_group_name = "rg"\n  account_name = "acct"\n  node_agent_sku_id = "batch.node.ubuntu 22.04"\n${attributes}\n}\n`;
