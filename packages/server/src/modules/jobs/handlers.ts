import { PERSON_IMPORT_JOB, personImportJob } from '../imports/import-persons.js';
import { REGION_IMPORT_JOB, regionImportJob } from '../regions/import-regions.js';
import type { JobHandler } from './job-runner.js';

/** Every kind of long work the runner knows; a module adds its job here. */
export const jobHandlers: Record<string, JobHandler> = {
  [REGION_IMPORT_JOB]: regionImportJob,
  [PERSON_IMPORT_JOB]: personImportJob,
};
