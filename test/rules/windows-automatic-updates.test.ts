import { describeRuleFixtures } from '../helpers/rule-cases.ts';

describeRuleFixtures('windows-automatic-updates', {
  'windows-default.json': [
    { line: 4, column: 3, severity: 'warning', message: ['enableAutomaticUpdates is not set', 'recommended in general', 'set it to false'], noFix: true },
  ],
  'windows-config-without-setting.yaml': [{ line: 10, column: 3, message: ['virtualMachineConfiguration.windowsConfiguration.enableAutomaticUpdates'] }],
});
