import { notStatic, type PoolRule } from '../src/model/rule.ts';
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
    docs: {
      severityNote: 'for `true` with Auto OS Upgrade; the unset cases are warnings',
      fixableNote: 'both values are legitimate choices',
      facts: 'the pool\'s OS, from the definition and the catalog\'s images',
    },
  },
  check(pool, { facts, report, notChecked }) {
    if (poolOsType(pool.spec, facts) !== 'windows') return;
    const vmConfiguration = pool.spec.virtualMachineConfiguration;
    if (isUnknown(vmConfiguration)) return notChecked(notStatic('the VM configuration', vmConfiguration));
    if (!isKnown(vmConfiguration)) return; // a retired cloud-service pool: no such setting
    const windows = vmConfiguration.windowsConfiguration;
    if (isUnknown(windows)) return notChecked(notStatic('the Windows configuration', windows));
    const setting = isKnown(windows) ? windows.enableAutomaticUpdates : undefined;
    if (isUnknown(setting)) return notChecked(notStatic('enableAutomaticUpdates', setting));
    if (setting === false) return;
    const osUpgrade = automaticOsUpgrade(pool.spec);
    if (isUnknown(osUpgrade)) return notChecked(notStatic('whether Auto OS Upgrade is on (upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade)', osUpgrade));
    const name = pool.displayName(SETTING);
    if (osUpgrade) {
      const upgradeName = pool.displayName(['upgradePolicy', 'automaticOSUpgradePolicy', 'enableAutomaticOSUpgrade']);
      if (setting === true) {
        return report({
          path: SETTING,
          message: `${name} is true while ${upgradeName} is on: Batch requires it to be false with Auto OS Upgrade, which replaces Windows Update's in-place patching. Set it to false.`,
        });
      }
      return report({
        path: SETTING,
        severity: 'warning',
        message: `${name} is not set, so it takes its default ${pool.defaults.windowsEnableAutomaticUpdates}, while ${upgradeName} is on: Batch requires it to be false with Auto OS Upgrade. Set it to false.`,
      });
    }
    if (setting !== undefined) return; // an explicit true: a choice
    report({
      path: SETTING,
      severity: 'warning',
      message:
        `${name} is not set, so automatic Windows updates are on (default ${pool.defaults.windowsEnableAutomaticUpdates}) and ` +
        `an update may reboot a node in the middle of a task. Updates are recommended in general: if long tasks must not be ` +
        `interrupted, set it to false and refresh nodes from updated images instead; to keep updates, set it to true explicitly.`,
    });
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
