import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/lint-fixture.ts';

function sourcesUnder(folder: string): string[] {
  return readdirSync(join(PROJECT_ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') ? [readFileSync(join(PROJECT_ROOT, path), 'utf8')] : [];
  });
}

/** The layer check (`npm run lint`) fails on an import package.json does not declare; this is the other way round. */
it('declares no runtime dependency that the code does not import', () => {
  const { dependencies } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const code = [...sourcesUnder('src'), ...sourcesUnder('rules')].join('\n');
  const unused = Object.keys(dependencies).filter((name) => !code.includes(`from '${name}'`) && !code.includes(`import('${name}')`));
  expect(unused).toEqual([]);
});
