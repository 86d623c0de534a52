// The layers of src/, lowest first (ARCHITECTURE.md explains each). A folder may import only folders of a
// lower rank and itself; folders of one rank do not import each other. That rules out cycles between folders.
const RANKS = [
  ['src/catalog'],
  ['src/model'],
  ['src/documents', 'src/autoscale'],
  ['src/sources/arm', 'src/sources/terraform'],
  ['src/sources/batch', 'src/sources/bicep'],
  ['src/sources'],
  ['src/pool'],
  ['src/schema'],
  ['src/facts'],
  ['rules', 'src/config'],
  ['src/engine', 'src/live'],
  ['src/formatters'],
  ['src/setup'],
  ['src/cli', 'src/action'],
  ['src'],
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** The files of a folder itself, not of the layered folders below it (src/sources/ without src/sources/arm/). */
const filesOf = (folder) => {
  const nested = RANKS.flat().filter((other) => other.startsWith(`${folder}/`));
  const inside = `^${escape(folder)}/`;
  return nested.length === 0 ? inside : `${inside}(?!(${nested.map((other) => escape(other.slice(folder.length + 1))).join('|')})/)`;
};

const layerRules = RANKS.flatMap((rank, index) =>
  rank.flatMap((folder) => {
    const notBelow = RANKS.slice(index)
      .flat()
      .filter((other) => other !== folder);
    if (notBelow.length === 0) return [];
    return {
      name: `layer:${folder}`,
      comment: `${folder} may import only the layers below it (see ARCHITECTURE.md)`,
      severity: 'error',
      from: { path: filesOf(folder) },
      to: { path: notBelow.map(filesOf) },
    };
  }),
);

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'layer:unplaced',
      comment: 'every folder of src/ has a place in the layers: add a new one to RANKS in .dependency-cruiser.cjs and to ARCHITECTURE.md',
      severity: 'error',
      from: { path: '^(src|rules)/', pathNot: RANKS.flat().map(filesOf) },
      to: {},
    },
    {
      name: 'no-undeclared-package',
      comment: 'a package imported but not in package.json (dependencies, or devDependencies for what the bundle includes)',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-circular',
      comment: 'a cycle of imports between modules',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/schema/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
