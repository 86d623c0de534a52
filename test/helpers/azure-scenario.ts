import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Environment } from '../../src/model/environment.ts';
import { loadContextFile } from '../../src/facts/load-context.ts';
import { armResponsesFor, lockListPattern } from './arm-responses.ts';
import type { FakeAnswer, FakeAzureOptions, FakeRoute } from './fake-azure.ts';
import { PROJECT_ROOT } from './lint-fixture.ts';

/** A fault answer given `times` times before the path's usual answer; without `times`, for good. */
type Fault = FakeAnswer & { times?: number };

/** A file of fixtures/azure/: an environment (a context file) served as ARM answers, with faults laid over some paths. */
interface ScenarioFile {
  environment: string;
  account: string;
  faults?: { path: string; answers: Fault[] }[];
  /** Lists to answer a few items a page. */
  paged?: { path: string; pageSize: number }[];
}

export interface Scenario {
  accountId: string;
  environment: Environment;
  routes: FakeRoute[];
  options: FakeAzureOptions;
}

export async function loadScenario(name: string): Promise<Scenario> {
  const path = join(PROJECT_ROOT, 'fixtures/azure', name);
  const file = parse(readFileSync(path, 'utf8')) as ScenarioFile;
  const environment = await loadContextFile(resolve(dirname(path), file.environment), PROJECT_ROOT);
  const routes = environmentRoutes(environment, file.account, file.faults);
  for (const { path, pageSize } of file.paged ?? []) routes.find((route) => route.path.toLowerCase() === path.toLowerCase())!.pageSize = pageSize;
  return { accountId: file.account, environment, routes, options: environmentOptions(environment) };
}

/** The environment as ARM answers it, every path answering the same each time, but for the faults given. */
export function environmentRoutes(environment: Environment, accountId: string, faults: ScenarioFile['faults'] = []): FakeRoute[] {
  const routes = new Map<string, FakeRoute>(
    armResponsesFor(environment, accountId).map(({ path, body, nextLinkKey }) => [path.toLowerCase(), { path, answers: [{ body }], ...(nextLinkKey && { nextLinkKey }) }]),
  );
  for (const fault of faults) {
    const usual = routes.get(fault.path.toLowerCase())?.answers ?? [];
    const route = routes.get(fault.path.toLowerCase());
    routes.set(fault.path.toLowerCase(), { ...route, path: fault.path, answers: faultsThen(fault.answers, usual) });
  }
  return [...routes.values()];
}

/** The answers ARM computes for any scope (lock lists), and the page size of lists. */
export function environmentOptions(environment: Environment, pageSize?: number): FakeAzureOptions {
  return { patterns: [lockListPattern(environment)], ...(pageSize && { pageSize }) };
}

function faultsThen(faults: Fault[], usual: FakeAnswer[]): FakeAnswer[] {
  const answers: FakeAnswer[] = [];
  for (const { times, ...answer } of faults) {
    if (times === undefined) return [...answers, answer];
    answers.push(...Array.from({ length: times }, () => answer));
  }
  return [...answers, ...usual];
}
