/**
 * VM size series that Azure has retired or announced for retirement, at day precision, from Microsoft's
 * own pages (MicrosoftDocs/azure-compute-docs and azure-docs, rendered on learn.microsoft.com). The
 * catalog build (scripts/build-catalog.ts) stamps each matching size with the date; on and after it Azure
 * allocates none of the series.
 */
export interface SizeRetirement {
  series: string;
  /** ISO date of the retirement. */
  date: string;
  /** Later dates in named regions (catalog region names), where Azure extended the series. */
  laterIn?: Readonly<Record<string, string>>;
  /** Quota family ids (case-insensitive) of the series. */
  families?: readonly string[];
  /** Size names of the series, for sizes the data gives no family or for single sizes of a family. */
  names?: RegExp;
  source: string;
}

const LEARN = 'https://learn.microsoft.com/azure/virtual-machines';
const RETIRED_SIZES_LIST = `${LEARN}/sizes/retirement/retired-sizes-list`;
const D_LS_MIGRATION_GUIDE = `${LEARN}/migration/sizes/d-ds-dv2-dsv2-ls-series-migration-guide`;

export const SIZE_RETIREMENTS: readonly SizeRetirement[] = [
  { series: 'Av1 (Basic A, Standard A0–A7)', date: '2024-08-31', names: /^(?:Basic_A\d+|Standard_A[0-7])$/i, source: `${LEARN}/av1-series-retirement` },
  {
    series: 'NCv3',
    date: '2025-09-30',
    laterIn: { usgovvirginia: '2026-06-30', usgovarizona: '2026-06-30', jioindiawest: '2027-06-30', chinanorth3: '2027-06-30' },
    families: ['standardNCSv3Family'],
    source: `${LEARN}/ncv3-retirement`,
  },
  { series: 'NVv3', date: '2026-09-30', families: ['standardNVSv3Family'], source: `${LEARN}/sizes/gpu-accelerated/nvv3-series-retirement` },
  { series: 'NVv4', date: '2026-09-30', families: ['standardNVSv4Family'], source: RETIRED_SIZES_LIST },
  { series: 'M192i v2', date: '2027-03-31', names: /^Standard_M192i[a-z]*_v2$/i, source: RETIRED_SIZES_LIST },
  { series: 'HBv2', date: '2027-05-31', families: ['standardHBrsv2Family'], source: `${LEARN}/sizes/retirement/hbv2-series-retirement` },
  { series: 'HC', date: '2027-05-31', families: ['standardHCSFamily'], source: `${LEARN}/sizes/retirement/hc-series-retirement` },
  {
    series: 'D, Ds, Dv2, Dsv2, Ls',
    date: '2028-05-01',
    families: ['standardDFamily', 'standardDSFamily', 'standardDv2Family', 'standardDv2PromoFamily', 'standardDSv2Family', 'standardDSv2PromoFamily', 'standardLSFamily'],
    source: D_LS_MIGRATION_GUIDE,
  },
  {
    series: 'Av2, Amv2, B v1, F, Fs, Fsv2, G, Gs, Lsv2',
    date: '2028-11-15',
    families: [
      'standardAv2Family',
      'standardAmv2Family',
      'standardBSFamily',
      'standardFFamily',
      'standardFSFamily',
      'standardFSv2Family',
      'standardGFamily',
      'standardGSFamily',
      'standardLSv2Family',
    ],
    source: RETIRED_SIZES_LIST,
  },
];

/** The retirement of a size, by its name and quota family. */
export function sizeRetirement(name: string, family: string | undefined): SizeRetirement | undefined {
  const familyKey = family?.toLowerCase();
  return SIZE_RETIREMENTS.find((retirement) => retirement.names?.test(name) || (familyKey !== undefined && retirement.families?.some((id) => id.toLowerCase() === familyKey)));
}
