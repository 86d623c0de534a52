import { notStatic, type PoolRule } from '../src/engine/rule.ts';
import { poolOsType } from '../src/pool/os-type.ts';
import { isKnown, isUnknown } from '../src/sources/unknown.ts';

export const windowsAutomaticUpdatesRule: PoolRule = {
  meta: {
    id: 'windows-automatic-updates',
    description: 'A Windows pool leaves automatic updates on by default: an update can reboot a node in the middle of a long task.',
    defaultSeverity: 'warning',
    fixable: false,
    facts: ['catalog'],
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
    if (setting !== undefined) return; // an explicit choice either way
    const name = pool.displayName(['virtualMachineConfiguration', 'windowsConfiguration', 'enableAutomaticUpdates']);
    report({
      path: ['virtualMachineConfiguration', 'windowsConfiguration', 'enableAutomaticUpdates'],
      message:
        `${name} is not set, so automatic Windows updates are on (default ${pool.defaults.windowsEnableAutomaticUpdates}) and ` +
        `an update may reboot a node in the middle of a task. Updates are recommended in general: if long tasks must not be ` +
        `interrupted, set it to false and refresh nodes from updated images instead; to keep updates, set it to true explicitly.`,
    });
  },
};
