import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The files a pull request changes (added, copied, modified or renamed), from the event payload's base and
 * head commits and git; undefined outside a pull request or when git cannot tell (a shallow checkout without
 * the base commit), in which case the caller lints everything. git runs without a shell: nothing from the
 * event or the inputs is ever interpreted as a command.
 */
export function changedFiles(eventPath: string | undefined, cwd: string, warn: (message: string) => void): string[] | undefined {
  if (!eventPath) return undefined;
  const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { base?: { sha?: string }; head?: { sha?: string } } };
  const base = event.pull_request?.base?.sha;
  const head = event.pull_request?.head?.sha;
  if (!base || !head) return undefined;
  try {
    const output = execFileSync('git', ['diff', '--name-only', '--diff-filter=ACMR', '-z', `${base}...${head}`, '--'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return output.split('\0').filter(Boolean);
  } catch (error) {
    warn(`could not list the pull request's changed files (${(error as Error).message.split('\n')[0]}); linting all files. Check out with fetch-depth: 0.`);
    return undefined;
  }
}
