import { expect } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('resize-timeout-large-pool', {
  'marketplace-default-timeout.json': [
    {
      line: 1,
      column: 1,
      severity: 'warning',
      message: ['1200 nodes from a marketplace image', 'resizeTimeout is not set, so it is the default PT15M', 'at least PT30M'],
      fixed: (text) => {
        expect(JSON.parse(text).resizeTimeout).toBe('PT30M');
        expect(text).toContain('  "targetLowPriorityNodes": 400,\n  "resizeTimeout": "PT30M"\n}');
      },
    },
  ],
  'gallery-short-timeout.yaml': [
    { line: 9, column: 16, message: ['2500 nodes from a custom image', 'resizeTimeout is PT30M', 'at least PT45M'], fixed: (text) => expect(text).toContain('\nresizeTimeout: PT45M\n') },
  ],
  'custom-image-400-nodes.json': [{ line: 9, column: 20, message: ['400 nodes'], fixed: (text) => expect(JSON.parse(text).resizeTimeout).toBe('PT30M') }],
});
