import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('resource-lock', {
  'read-only-network-group.yaml': [{ line: 8, column: 13, severity: 'error', message: ['ReadOnly lock "freeze" on /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/frozen-net-rg', 'ScopeLocked', 'Remove the lock'] }],
  'cannot-delete-network-group.yaml': [{ line: 8, column: 13, severity: 'warning', message: ['CanNotDelete lock "keep-network"', 'deleting it hangs'] }],
  'read-only-vnet.yaml': [{ line: 8, column: 13, severity: 'error', message: ['ReadOnly lock "hub-freeze"', "the pool's nodes joining the subnet"] }],
});
