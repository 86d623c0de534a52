import type { ErrorObject } from 'ajv';

interface GeneratedValidator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export const validateConfig: GeneratedValidator;
// Each rule that takes options has a validator exported under ruleOptionsExportName(ruleId).
