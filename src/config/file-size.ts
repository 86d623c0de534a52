/** The largest file linted unless the config or --max-file-size says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const UNITS: Readonly<Record<string, number>> = { '': 1, B: 1, KB: 1024, MB: 1024 * 1024, GB: 1024 * 1024 * 1024 };

/** A size as written in the config or on the command line: bytes (`1048576`), or with a unit (`512KB`, `20MB`; 1 KB = 1024 bytes). */
export function parseFileSize(written: string | number): number | undefined {
  if (typeof written === 'number') return Number.isSafeInteger(written) && written > 0 ? written : undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?\s*$/i.exec(written);
  if (!match) return undefined;
  const bytes = Math.floor(Number(match[1]) * UNITS[(match[2] ?? '').toUpperCase()]!);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** A size for a message: "12.5 MB", "300 KB", "900 bytes". */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
