import { isWithinRegion, ROOT_REGION_CODE } from '@huican/core';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getRegion } from '../../api/regions';
import { useCurrentUser } from '../../auth/AuthProvider';

/**
 * Where the report looks: the user's own region down to the one drilled into, each step above the current
 * one a link back up (Back in the browser does the same).
 */
export function RegionBreadcrumb({
  regionCode,
  regionSearch,
}: {
  regionCode: string | undefined;
  regionSearch: (code: string | undefined) => string;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const root = user.regionCode === ROOT_REGION_CODE;
  const code = regionCode ?? (root ? undefined : user.regionCode);
  const region = useQuery({
    queryKey: ['regions', 'detail', code],
    queryFn: () => getRegion(code!),
    enabled: code !== undefined,
  });
  // Only the steps inside the user's scope: a township officer's trail starts at the township.
  const path = (region.data?.path ?? []).filter((step) => root || isWithinRegion(step.code, user.regionCode));
  const steps = [
    ...(root ? [{ code: undefined as string | undefined, name: t('common.allRegions') }] : []),
    ...path.map((step) => ({ code: step.code as string | undefined, name: step.name })),
  ];
  if (steps.length === 0 && code) steps.push({ code, name: code });
  return (
    <Breadcrumb
      aria-label={t('reports.breadcrumbLabel')}
      style={{ marginBottom: 12 }}
      items={steps.map((step, index) => ({
        key: step.code ?? 'all',
        title:
          index === steps.length - 1 ? (
            <span aria-current="location">{step.name}</span>
          ) : (
            <Link to={{ search: regionSearch(step.code) }}>{step.name}</Link>
          ),
      }))}
    />
  );
}
