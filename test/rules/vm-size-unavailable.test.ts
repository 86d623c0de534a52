import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('vm-size-unavailable', {
  'restricted.yaml': [{ line: 2, column: 9, message: ['restricted for this subscription in eastus (NotAvailableForSubscription)'] }],
  'not-in-region.yaml': [{ line: 2, column: 9, message: ['not offered in eastus'] }],
  'retired.yaml': [{ line: 2, column: 9, message: ['retired on 2025-01-01'] }],
});
