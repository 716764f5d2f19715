import { api, withQuery } from './client';
import type { ImportMode } from './types';

export const PERSON_TEMPLATE_URL = '/api/imports/persons/template.xlsx';

/** Posts a workbook (.xlsx) or CSV of persons; the import runs as a job whose id comes back. */
export function importPersons(file: File, mode: ImportMode) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<{ jobId: string }>(withQuery('/api/imports/persons', { mode }), form);
}
