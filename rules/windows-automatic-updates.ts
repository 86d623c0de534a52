import type { PoolRule } from '../src/model/rule.ts';
import { poolOsType } from '../src/pool/os-type.ts';
import type { PoolSpec } from '../src/model/pool-definition.ts';
import { isKnown, isUnknown, type UnknownValue } from '../src/model/unknown.ts';

const SETTING = ['virtualMachineConfiguration', 'windowsConfiguration', 'enableAutomaticUpdates'];

export const windowsAutomaticUpdatesRule: PoolRule = {
  meta: {
    id: 'windows-automatic-updates',
    description:
      'A Windows pool leaves automatic updates on by default (an update can reboot a node in the middle of a long task), or turns them on with Auto OS Upgrade, which Batch refuses.',
    defaultSeverity: 'error',
    fixable: false,
    facts: ['catalog'],
    messages: {
      onWithOsUpgrade:
        "{{name}} is true while {{upgradeName}} is on: Batch requires it to be false with Auto OS Upgrade, which replaces Windows Update's in-place patching. Set it to false.",
      defaultWithOsUpgrade:
        '{{name}} is not set, so it takes its default {{default}}, while {{upgradeName}} is on: Batch requires it to be false with Auto OS Upgrade. Set it to false.',
      defaultOn:
        '{{name}} is not set, so automatic Windows updates are on (default {{default}}) and ' +
        'an update may reboot a node in the middle of a task. Updates are recommended in general: if long tasks must not be ' +
        'interrupted, set it to false and refresh nodes from updated images instead; to keep updates, set it to true explicitly.',
    },
    docs: {
      severityNote: 'for `true` with Auto OS Upgrade; the unset cases are warnings',
      fixableNote: 'both values are legitimate choices',
      facts: "the pool's OS, from the definition and the catalog's images",
    },
  },
  check(pool, { facts, report, known }) {
    if (poolOsType(pool.spec, facts) !== 'windows') return;
    const vmConfiguration = known(pool.spec.virtualMachineConfiguration, 'the VM configuration');
    if (!isKnown(vmConfiguration)) return; // a retired cloud-service pool: no such setting
    const windows = known(vmConfiguration.windowsConfiguration, 'the Windows configuration');
    const setting = known(isKnown(windows) ? windows.enableAutomaticUpdates : undefined, 'enableAutomaticUpdates');
    if (setting === false) return;
    const osUpgrade = known(automaticOsUpgrade(pool.spec), 'whether Auto OS Upgrade is on (upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade)');
    const name = pool.displayName(SETTING);
    const data = { name, default: String(pool.defaults.windowsEnableAutomaticUpdates) };
    if (osUpgrade) {
      const upgradeName = pool.displayName(['upgradePolicy', 'automaticOSUpgradePolicy', 'enableAutomaticOSUpgrade']);
      if (setting === true) return report({ path: SETTING, messageId: 'onWithOsUpgrade', data: { ...data, upgradeName } });
      return report({ path: SETTING, severity: 'warning', messageId: 'defaultWithOsUpgrade', data: { ...data, upgradeName } });
    }
    if (setting !== undefined) return; // an explicit true: a choice
    report({ path: SETTING, severity: 'warning', messageId: 'defaultOn', data });
  },
};

/** Whether the pool turns on Auto OS Upgrade (absent anywhere on the way: off). */
function automaticOsUpgrade(spec: PoolSpec): boolean | UnknownValue {
  const policy = spec.upgradePolicy;
  if (isUnknown(policy)) return policy;
  const automatic = isKnown(policy) ? policy.automaticOSUpgradePolicy : undefined;
  if (isUnknown(automatic)) return automatic;
  const enabled = isKnown(automatic) ? automatic.enableAutomaticOSUpgrade : undefined;
  return enabled ?? false;
}
