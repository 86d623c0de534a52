/**
 * What Batch has stopped, or will stop, creating pools with, from the Batch team's retirement notices
 * (github.com/Azure/Batch issues labelled retirement). `lastDay` is the last day new pools are taken.
 */
export interface BatchRetirement {
  lastDay: string;
  notice: string;
}

const NOTICES = 'https://github.com/Azure/Batch/issues';

/** By node agent SKU id, lower case. */
export const NODE_AGENT_RETIREMENTS: ReadonlyMap<string, BatchRetirement> = new Map([
  ['batch.node.ubuntu 14.04', { lastDay: '2019-07-31', notice: `${NOTICES}/61` }],
  ['batch.node.ubuntu 16.04', { lastDay: '2021-05-21', notice: `${NOTICES}/106` }],
  ['batch.node.centos 8', { lastDay: '2021-12-31', notice: `${NOTICES}/119` }],
  ['batch.node.centos 7', { lastDay: '2024-06-30', notice: `${NOTICES}/169` }],
  ['batch.node.debian 8', { lastDay: '2024-12-31', notice: `${NOTICES}/180` }],
  ['batch.node.debian 9', { lastDay: '2024-12-31', notice: `${NOTICES}/180` }],
  ['batch.node.debian 10', { lastDay: '2024-12-31', notice: `${NOTICES}/180` }],
  ['batch.node.ubuntu 18.04', { lastDay: '2024-12-31', notice: `${NOTICES}/180` }],
  ['batch.node.ubuntu 20.04', { lastDay: '2025-04-23', notice: `${NOTICES}/174` }],
  ['batch.node.ubuntu 22.04', { lastDay: '2027-06-30', notice: `${NOTICES}/200` }],
]);

/** Marketplace images with an end of Batch support of their own, by `publisher/offer/sku`, lower case. */
export const IMAGE_RETIREMENTS: ReadonlyMap<string, BatchRetirement> = new Map(
  ['2016-datacenter', '2016-datacenter-gensecond', '2016-datacenter-gs', '2016-datacenter-smalldisk', '2016-datacenter-smalldisk-g2', '2016-datacenter-with-containers', '2016-datacenter-with-containers-gs'].map(
    (sku) => [`microsoftwindowsserver/windowsserver/${sku}`, { lastDay: '2027-01-12', notice: `${NOTICES}/197` }],
  ),
);
