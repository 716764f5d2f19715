import type { FieldErrors } from '../../errors.js';

/** A plan's services name each kind once. */
export function checkPlannedServices(services: { kind: string }[], fields: FieldErrors) {
  const seen = new Set<string>();
  services.forEach((s, i) => {
    if (seen.has(s.kind)) fields[`services.${i}.kind`] = { key: 'rehab.DUPLICATE_KIND' };
    seen.add(s.kind);
  });
}

/** A plan runs within its year and does not end before it starts. */
export function checkPlanPeriod(year: number, startsOn: string, endsOn: string, fields: FieldErrors) {
  if (Number(startsOn.slice(0, 4)) !== year) fields.startsOn = { key: 'date.OUTSIDE_YEAR' };
  if (Number(endsOn.slice(0, 4)) !== year) fields.endsOn = { key: 'date.OUTSIDE_YEAR' };
  else if (endsOn < startsOn) fields.endsOn = { key: 'rehab.ENDS_BEFORE_START' };
}
