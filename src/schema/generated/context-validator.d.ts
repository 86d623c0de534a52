import type { ErrorObject } from 'ajv';

interface GeneratedValidator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export const validate: GeneratedValidator;
export default validate;
