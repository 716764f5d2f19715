import type { CycleRow } from './find-cycle-in-scope.js';

/** A cycle as the API shows it (list items; the detail adds line figures and the people of each step). */
export function toCycleView(c: CycleRow, o: { programName?: string | null; regionName?: string | null } = {}) {
  return {
    id: c.id,
    programCode: c.programCode,
    programName: o.programName ?? null,
    kind: c.kind,
    period: c.period,
    year: c.year,
    regionCode: c.regionCode,
    regionName: o.regionName ?? null,
    status: c.status,
    count: c.count,
    totalCents: c.totalCents,
    sourceCycleId: c.sourceCycleId,
    budgetOverrideReason: c.budgetOverrideReason,
    createdAt: c.createdAt.toISOString(),
    version: c.version,
  };
}
