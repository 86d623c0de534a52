import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/model/rule.ts';
import { allRules } from '../../rules/index.ts';
import { applyEdits } from './apply-edits.ts';
import { findingsOf, PROJECT_ROOT } from './lint-fixture.ts';

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Which of the rule's messages it is. */
  messageId?: string;
  severity?: Severity;
  /** Parts the message must contain: what is wrong and what to do. */
  message?: (string | RegExp)[];
  /** The text of the fixed file must satisfy this, when the finding carries a fix. */
  fixed?: (text: string) => void;
  /** The finding must not carry a fix. */
  noFix?: true;
}

/**
 * The RuleTester of this project: every file in fixtures/rules/<id>/valid must give no finding of the rule,
 * and every file in fixtures/rules/<id>/invalid exactly the findings listed for it; together the invalid
 * files must bring out every message of the rule.
 */
export function describeRuleFixtures(ruleId: string, invalid: Record<string, ExpectedFinding[]>, options: { config?: string; withAllRules?: boolean } = {}): void {
  const folder = join('fixtures/rules', ruleId);
  const list = (kind: string) =>
    existsSync(join(PROJECT_ROOT, folder, kind))
      ? readdirSync(join(PROJECT_ROOT, folder, kind))
          .filter((name) => !name.startsWith('batchlint.config'))
          .sort()
      : [];
  const config = options.config && join(folder, options.config);

  const messageIds = Object.keys(allRules.find((rule) => rule.meta.id === ruleId)?.meta.messages ?? {});
  const messagesSeen = new Set<string>();

  describe(`${ruleId} fixtures`, () => {
    it('has valid and invalid fixtures, and an expectation for every invalid one', () => {
      expect(list('valid').length).toBeGreaterThan(0);
      expect(list('invalid')).toEqual(Object.keys(invalid).sort());
    });

    for (const name of list('valid')) {
      it(`valid/${name}: reports nothing`, async () => {
        expect(await findingsOf(ruleId, join(folder, 'valid', name), config, options.withAllRules)).toEqual([]);
      });
    }

    for (const [name, expected] of Object.entries(invalid)) {
      it(`invalid/${name}: reports ${expected.map((finding) => `${finding.line}:${finding.column}`).join(', ')}`, async () => {
        const findings = await findingsOf(ruleId, join(folder, 'invalid', name), config, options.withAllRules);
        expect(findings.map(({ line, column }) => ({ line, column }))).toEqual(expected.map(({ line, column }) => ({ line, column })));
        findings.forEach((finding, index) => {
          const want = expected[index]!;
          expect(finding.ruleId).toBe(ruleId);
          if (messageIds.length > 0) expect(messageIds).toContain(finding.messageId);
          if (finding.messageId) messagesSeen.add(finding.messageId);
          if (want.messageId) expect(finding.messageId).toBe(want.messageId);
          if (want.endLine) expect({ endLine: finding.endLine, endColumn: finding.endColumn }).toEqual({ endLine: want.endLine, endColumn: want.endColumn });
          if (want.severity) expect(finding.severity).toBe(want.severity);
          for (const part of want.message ?? []) expect(finding.message).toMatch(part);
          if (want.noFix) expect(finding.fix).toBeUndefined();
          if (want.fixed) {
            expect(finding.fix).toBeDefined();
            const original = readFileSync(join(PROJECT_ROOT, folder, 'invalid', name), 'utf8');
            want.fixed(applyEdits(original, finding.fix!.edits));
          }
        });
      });
    }

    it('brings out every message of the rule in its invalid fixtures', () => {
      expect([...messagesSeen].sort()).toEqual([...messageIds].sort());
    });
  });
}
