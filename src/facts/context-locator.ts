import { dirname, relative, resolve } from 'node:path';
import { createFacts } from './catalog-facts.ts';
import type { Facts } from '../model/facts.ts';
import { findContextFile, loadContextFile } from './load-context.ts';

/**
 * The facts for each linted file: the nearest batchlint.context.* in its folder or above (a repository
 * may keep one per environment folder), or the catalog alone where there is none.
 */
export class ContextLocator {
  private readonly byContextFile = new Map<string, Promise<Facts>>();
  private readonly byFolder = new Map<string, string | undefined>();
  private readonly catalogOnly: Facts;

  /** @param today the run's date, when one is given (else runDate()'s). */
  constructor(
    private readonly cwd: string,
    private readonly today?: string,
  ) {
    this.catalogOnly = createFacts({ ...(today && { today }) });
  }

  forFile(filePath: string): Promise<Facts> {
    const folder = resolve(this.cwd, dirname(filePath));
    if (!this.byFolder.has(folder)) this.byFolder.set(folder, findContextFile(folder));
    const contextFile = this.byFolder.get(folder);
    if (!contextFile) return Promise.resolve(this.catalogOnly);
    let facts = this.byContextFile.get(contextFile);
    if (!facts) {
      facts = contextFacts(contextFile, this.cwd, this.today);
      this.byContextFile.set(contextFile, facts);
    }
    return facts;
  }
}

export async function contextFacts(path: string, cwd: string, today?: string): Promise<Facts> {
  const environment = await loadContextFile(path, cwd);
  return createFacts({ environment, source: 'context', origin: `the context file ${relative(cwd, path) || path}`, ...(today && { today }) });
}
