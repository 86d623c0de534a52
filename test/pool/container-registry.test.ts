import { describe, expect, it } from 'vitest';
import { imageRegistryHost, isAzureContainerRegistry, registryServerHost } from '../../src/pool/container-registry.ts';

describe('imageRegistryHost', () => {
  it.each([
    ['ubuntu', undefined],
    ['ubuntu:22.04', undefined],
    ['contoso/render:1', undefined],
    ['docker.io/library/ubuntu:20.04', 'docker.io'],
    ['ContosoRender.azurecr.io/render@sha256:0123', 'contosorender.azurecr.io'],
    ['contoso.azurecr.io:443/tools:2', 'contoso.azurecr.io'],
    ['localhost/app', 'localhost'],
    ['registry:5000/app', 'registry'],
  ])('%s comes from %s', (name, host) => {
    expect(imageRegistryHost(name)).toBe(host);
  });
});

describe('registryServerHost', () => {
  it.each([
    [undefined, 'docker.io'],
    ['', 'docker.io'],
    ['https://hub.docker.com', 'hub.docker.com'],
    ['https://Contoso.AzureCR.io/', 'contoso.azurecr.io'],
    ['contoso.azurecr.io:443', 'contoso.azurecr.io'],
  ])('%s is %s', (server, host) => {
    expect(registryServerHost(server)).toBe(host);
  });
});

describe('isAzureContainerRegistry', () => {
  it('knows the login servers of the public, China and US Government clouds, and nothing else', () => {
    expect(['a.azurecr.io', 'a.azurecr.cn', 'a.azurecr.us'].map(isAzureContainerRegistry)).toEqual([true, true, true]);
    expect(['azurecr.io', '.azurecr.io', 'mcr.microsoft.com', 'a.azurecr.io.example.com', 'ghcr.io'].map(isAzureContainerRegistry)).toEqual([false, false, false, false, false]);
  });
});
