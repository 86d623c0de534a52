/**
 * The registry host a container image name pulls from, as docker reads the name: the first path component
 * is a registry when it contains a `.` or a `:`, or is `localhost`; any other name comes from Docker Hub
 * (undefined here). The host is lowercased and without its port.
 */
export function imageRegistryHost(imageName: string): string | undefined {
  const name = imageName.trim();
  const slash = name.indexOf('/');
  if (slash < 0) return undefined;
  const first = name.slice(0, slash);
  if (!first.includes('.') && !first.includes(':') && first !== 'localhost') return undefined;
  return withoutPort(first.toLowerCase());
}

/**
 * The host of a `containerRegistries[].registryServer` value, lowercased, without scheme, path or port
 * (Microsoft's own example writes `https://hub.docker.com`). An absent server is Docker Hub, `docker.io`.
 */
export function registryServerHost(server: string | undefined): string {
  if (server === undefined || server.trim() === '') return 'docker.io';
  const host = server
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split('/')[0]!;
  return withoutPort(host);
}

// Azure Container Registry login servers in the public, China and US Government clouds (the az CLI's
// acr_login_server_endpoint of each cloud).
const ACR_SUFFIXES = ['.azurecr.io', '.azurecr.cn', '.azurecr.us'];

/** An Azure Container Registry: private unless its owner enabled anonymous pull. */
export function isAzureContainerRegistry(host: string): boolean {
  return ACR_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length);
}

function withoutPort(host: string): string {
  return host.replace(/:\d*$/, '');
}
