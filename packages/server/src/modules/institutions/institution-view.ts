import { eq, sql } from 'drizzle-orm';
import { institutions, regions } from '../../db/schema/index.js';

/** The columns of an institution's view: the row, its region's name and its open placements. */
export const institutionColumns = {
  row: institutions,
  regionName: regions.name,
  openPlacements: sql<number>`(select count(*) from placements p
    where p.institution_id = ${institutions.id} and p.status = 'open')`.mapWith(Number),
};
export const regionOfInstitution = eq(regions.code, institutions.regionCode);

type Selected = { row: typeof institutions.$inferSelect; regionName: string | null; openPlacements: number };

export function toInstitutionView({ row, regionName, openPlacements }: Selected) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    regionCode: row.regionCode,
    regionName: regionName ?? null,
    address: row.address,
    phone: row.phone,
    capacity: row.capacity,
    openPlacements,
    /** Places left (capacity − open placements); null without a capacity. */
    availablePlaces: row.capacity === null ? null : Math.max(0, row.capacity - openPlacements),
    programs: row.programs,
    agreementFrom: row.agreementFrom,
    agreementUntil: row.agreementUntil,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
export type InstitutionView = ReturnType<typeof toInstitutionView>;
