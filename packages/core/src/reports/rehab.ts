import { REHAB_NEED_KINDS } from '../disability.js';
import { reportRate } from './rate.js';

// 康复服务率 and 辅具适配率 (GLOSSARY.md). Persons count once, however many needs or services they have:
// - needs: persons with a rehabilitation need (rehab_training, assistive_device, medication,
//   supportive_service) recorded for the year;
// - served: those of them who received at least one rehabilitation service that year (any of the four kinds);
// - deviceNeeds: persons with an assistive_device need in the year;
// - deviceFitted: those of them who received an assistive_device service that year.

export type RehabCounts = { needs: number; served: number; deviceNeeds: number; deviceFitted: number };
export type RehabFigures = RehabCounts & { serviceRate: number | null; fittingRate: number | null };

export function rehabFigures(c: RehabCounts): RehabFigures {
  return {
    needs: c.needs,
    served: c.served,
    serviceRate: reportRate(c.served, c.needs),
    deviceNeeds: c.deviceNeeds,
    deviceFitted: c.deviceFitted,
    fittingRate: reportRate(c.deviceFitted, c.deviceNeeds),
  };
}

export function isRehabKind(kind: string): boolean {
  return (REHAB_NEED_KINDS as readonly string[]).includes(kind);
}

/**
 * The counts for one person and year from their recorded needs and the kinds of the services they received
 * that year: the rule itself, which the server's SQL and rollups implement set-based (and tests compare).
 */
export function rehabCountsOf(needs: readonly string[], serviceKinds: readonly string[]): RehabCounts {
  const need = needs.some(isRehabKind);
  const deviceNeed = needs.includes('assistive_device');
  return {
    needs: need ? 1 : 0,
    served: need && serviceKinds.some(isRehabKind) ? 1 : 0,
    deviceNeeds: deviceNeed ? 1 : 0,
    deviceFitted: deviceNeed && serviceKinds.includes('assistive_device') ? 1 : 0,
  };
}

export function addRehabCounts(a: RehabCounts, b: RehabCounts): RehabCounts {
  return {
    needs: a.needs + b.needs,
    served: a.served + b.served,
    deviceNeeds: a.deviceNeeds + b.deviceNeeds,
    deviceFitted: a.deviceFitted + b.deviceFitted,
  };
}

export const NO_REHAB_COUNTS: RehabCounts = { needs: 0, served: 0, deviceNeeds: 0, deviceFitted: 0 };
