import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Institution } from '../../api/institutions';
import { listPrograms } from '../../api/programs';

/** "20（在院 5，余 15）", or "不限" without a capacity. */
export function capacityText(t: TFunction, institution: Institution): string {
  if (institution.capacity === null) return t('institutions.noCapacity', { open: institution.openPlacements });
  return t('institutions.capacityValue', {
    capacity: institution.capacity,
    open: institution.openPlacements,
    left: institution.availablePlaces ?? 0,
  });
}

/** "2026-01-01 至 2026-12-31", open-ended on either side, or a dash. */
export function agreementText(t: TFunction, institution: Institution): string {
  const { agreementFrom: from, agreementUntil: until } = institution;
  if (!from && !until) return '—';
  return t('institutions.agreementValue', { from: from ?? '…', until: until ?? '…' });
}

/** Programme codes as their names, from the catalogue (cached). */
export function useProgramNames() {
  const { t } = useTranslation();
  const programs = useQuery({ queryKey: ['programs', 'list'], queryFn: listPrograms });
  const names = new Map((programs.data ?? []).map((p) => [p.code, p.name]));
  return (codes: string[]) =>
    codes.length > 0 ? codes.map((code) => names.get(code) ?? code).join(t('common.listSeparator')) : '—';
}
