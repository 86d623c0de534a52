import type { SourceAdapter } from '../model/source-adapter.ts';
import { armTemplateAdapter } from './arm/template-adapter.ts';
import { batchDataPlaneAdapter } from './batch/batch-data-plane.ts';
import { bicepAdapter } from './bicep/bicep-adapter.ts';
import { formulaFileAdapter } from './formula-file.ts';
import { terraformAdapter } from './terraform/terraform-adapter.ts';
import { terraformPlanAdapter } from './terraform/plan-adapter.ts';

/** Tried in order; the first that recognises a file extracts its pools. */
export const adapters: readonly SourceAdapter[] = [formulaFileAdapter, bicepAdapter, armTemplateAdapter, terraformAdapter, terraformPlanAdapter, batchDataPlaneAdapter];
