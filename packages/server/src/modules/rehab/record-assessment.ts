import type { Db } from '../../db/client.js';
import { rehabAssessments } from '../../db/schema/index.js';
import { AppError, type FieldErrors, invalidFields } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { mergeYearNeeds } from '../persons/needs-and-services.js';
import type { AssessmentInput } from './rehab.schemas.js';
import { findRehabPerson, resolveInstitution } from './rehab-access.js';
import { assessmentView } from './rehab-view.js';

/**
 * A needs assessment (康复需求评估) at home or at an institution. Its needs join the person's needs
 * record of the year in the same transaction, so that the rehabilitation service rate counts them.
 */
export async function recordAssessment(o: {
  db: Db;
  actor: Actor;
  personId: string;
  input: AssessmentInput;
  now: Date;
  today: string;
}) {
  const { actor, input } = o;
  assertCan(actor, 'rehab.write');
  const fields: FieldErrors = {};
  if (input.assessedOn > o.today) fields.assessedOn = { key: 'date.FUTURE' };
  else if (Number(input.assessedOn.slice(0, 4)) !== input.year) fields.assessedOn = { key: 'date.OUTSIDE_YEAR' };
  if (input.place === 'institution' && !input.institutionId && actor.role !== 'institution') {
    fields.institutionId = { key: 'field.required' };
  }
  if (Object.keys(fields).length > 0) throw invalidFields(fields);
  return o.db.transaction(async (tx) => {
    const { person, institutionId: acting } = await findRehabPerson(tx, actor, o.personId);
    if (person.status !== 'active' && person.statusDate && input.assessedOn > person.statusDate) {
      throw new AppError('PERSON_NOT_ACTIVE', 422);
    }
    const institution = await resolveInstitution(tx, actor, acting, input.institutionId);
    const needs = [...new Set(input.needs)];
    const [assessment] = await tx
      .insert(rehabAssessments)
      .values({
        personId: person.id,
        year: input.year,
        regionCode: person.regionCode,
        place: input.place,
        institutionId: institution?.id ?? null,
        assessedOn: input.assessedOn,
        assessor: input.assessor,
        needs,
        devices: input.devices ?? [],
        note: input.note ?? null,
        createdBy: actor.userId,
        createdAt: o.now,
      })
      .returning();
    const survey = await mergeYearNeeds(tx, actor, {
      person,
      year: input.year,
      kinds: needs,
      // The needs record knows home visits; an assessment at an institution is another way of asking.
      method: input.place === 'home' ? 'home_visit' : 'other',
      surveyedOn: input.assessedOn,
      now: o.now,
    });
    await writeAudit(
      tx,
      actor,
      {
        action: 'rehab.assessment',
        entityType: 'person',
        entityId: person.id,
        regionCode: person.regionCode,
        details: {
          assessmentId: assessment!.id,
          year: input.year,
          place: input.place,
          institutionId: institution?.id ?? null,
          needs,
        },
      },
      o.now,
    );
    return { ...assessmentView(assessment!), yearNeeds: survey.needs };
  });
}
