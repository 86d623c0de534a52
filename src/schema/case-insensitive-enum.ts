/**
 * The Batch service reads enum values case-insensitively ("nonadmin" and "nonAdmin" both work), which JSON
 * Schema cannot say. The schema source writes `enumCaseInsensitive: [...]`; this turns it into a pattern
 * that matches any casing, keeping the list as `x-one-of` for messages.
 */
export function expandCaseInsensitiveEnums(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(expandCaseInsensitiveEnums);
  if (typeof schema !== 'object' || schema === null) return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'enumCaseInsensitive' && Array.isArray(value)) {
      result.type = 'string';
      result.pattern = `^(?:${value.map(anyCase).join('|')})$`;
      result['x-one-of'] = value;
    } else {
      result[key] = expandCaseInsensitiveEnums(value);
    }
  }
  return result;
}

function anyCase(word: string): string {
  return [...word].map((char) => (/[a-z]/i.test(char) ? `[${char.toLowerCase()}${char.toUpperCase()}]` : char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))).join('');
}
