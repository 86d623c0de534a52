/** Commands that install system packages, which needs administrator rights on the node. */
const PACKAGE_INSTALLS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'apt-get install', pattern: /\bapt(?:-get|itude)?\s+(?:-\S+\s+)*(?:install|upgrade|dist-upgrade)\b/i },
  { name: 'yum/dnf install', pattern: /\b(?:yum|dnf|tdnf|microdnf)\s+(?:-\S+\s+)*(?:install|update|upgrade|groupinstall)\b/i },
  { name: 'zypper install', pattern: /\bzypper\s+(?:-\S+\s+)*(?:install|in|update|up)\b/i },
  { name: 'apk add', pattern: /\bapk\s+(?:-\S+\s+)*add\b/i },
  { name: 'dpkg -i', pattern: /\bdpkg\s+(?:-\S+\s+)*(?:-i|--install)\b/i },
  { name: 'rpm -i', pattern: /\brpm\s+(?:-\S+\s+)*-(?:i|U|F)[a-z]*\b/ },
  { name: 'snap install', pattern: /\bsnap\s+install\b/i },
  { name: 'choco install', pattern: /\bchoco(?:latey)?(?:\.exe)?\s+(?:install|upgrade)\b/i },
  { name: 'winget install', pattern: /\bwinget(?:\.exe)?\s+install\b/i },
  { name: 'msiexec', pattern: /\bmsiexec(?:\.exe)?\b/i },
  { name: 'Install-Package', pattern: /\bInstall-Package\b/i },
  { name: 'Install-WindowsFeature', pattern: /\b(?:Install|Add)-WindowsFeature\b|\bEnable-WindowsOptionalFeature\b/i },
];

/** The package-install commands a command line runs, by name. */
export function packageInstalls(commandLine: string): string[] {
  return PACKAGE_INSTALLS.filter(({ pattern }) => pattern.test(commandLine)).map(({ name }) => name);
}
