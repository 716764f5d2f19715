import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { type RegionLevel, ROOT_REGION_CODE } from '@huican/core';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getRegion, listChildRegions, listRootRegions } from '../../api/regions';
import type { RegionNode } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { isAdmin } from '../../auth/permissions';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { PageTitle } from '../../components/PageTitle';
import { AddRegionModal, type ParentRegion } from './AddRegionModal';
import { RegionImportModal } from './RegionImportModal';

const regionHref = (code: string) => ({ search: `?code=${encodeURIComponent(code)}` });

/**
 * A drill-down through the user's scope: the top shows the roots the server gives this user, `?code=` shows one
 * region's children. Each level is loaded only when opened.
 */
export function RegionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const admin = isAdmin(user.role);
  const [params] = useSearchParams();
  const code = params.get('code');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);

  const roots = useQuery({ queryKey: ['regions', 'roots'], queryFn: listRootRegions });
  const current = useQuery({
    queryKey: ['regions', 'detail', code],
    queryFn: () => getRegion(code!),
    enabled: code !== null,
  });
  const children = useQuery({
    queryKey: ['regions', 'children', code],
    queryFn: () => listChildRegions(code!),
    enabled: code !== null,
  });
  const rows = code === null ? roots : children;

  // The path from the top of the user's scope down to the open region; levels above the scope are not links.
  const rootCodes = new Set((roots.data ?? []).map((root) => root.code));
  const fullPath = current.data
    ? [...current.data.path.filter((step) => step.code !== current.data.code), current.data]
    : [];
  const firstVisible = fullPath.findIndex((step) => rootCodes.has(step.code));
  const visiblePath = firstVisible < 0 ? fullPath.slice(-1) : fullPath.slice(firstVisible);

  const parent: ParentRegion | null = current.data
    ? { code: current.data.code, name: current.data.name, level: current.data.level }
    : null;
  const canAddHere = admin && (code === null ? user.regionCode === ROOT_REGION_CODE : parent?.level !== 'village');

  const columns: TableColumnsType<RegionNode> = [
    {
      title: t('regions.name'),
      dataIndex: 'name',
      render: (name: string, region) =>
        region.childCount > 0 ? (
          <Link to={regionHref(region.code)} aria-label={t('regions.openNamed', { name })}>
            {name}
          </Link>
        ) : (
          name
        ),
    },
    { title: t('regions.code'), dataIndex: 'code' },
    { title: t('regions.level'), dataIndex: 'level', render: (level: RegionLevel) => t(`levels.${level}`) },
    { title: t('regions.childCount'), dataIndex: 'childCount', align: 'right' },
  ];

  const error = rows.error ?? current.error;

  return (
    <>
      <PageTitle
        title={t('regions.title')}
        extra={
          admin ? (
            <>
              {canAddHere ? (
                <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
                  {code === null ? t('regions.addCounty') : t('regions.addChild')}
                </Button>
              ) : null}
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
                {t('regions.import')}
              </Button>
            </>
          ) : null
        }
      />
      {admin ? null : (
        <Alert type="info" showIcon title={t('regions.readOnly')} style={{ marginBottom: 16 }} role="note" />
      )}
      <Breadcrumb
        aria-label={t('regions.breadcrumbLabel')}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'top', title: code === null ? t('regions.top') : <Link to={{ search: '' }}>{t('regions.top')}</Link> },
          ...visiblePath.map((step, index) => ({
            key: step.code,
            title:
              index === visiblePath.length - 1 ? (
                <span aria-current="page">{step.name}</span>
              ) : (
                <Link to={regionHref(step.code)}>{step.name}</Link>
              ),
          })),
        ]}
      />
      <LoadError error={error} style={{ marginBottom: 16 }} />
      <DataTable<RegionNode>
        label={t('regions.title')}
        rowKey="code"
        columns={columns}
        dataSource={rows.data}
        loading={rows.isFetching}
        locale={{ emptyText: t('regions.empty') }}
        pagination={(rows.data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      />
      {admin ? (
        <>
          <AddRegionModal open={adding} parent={code === null ? null : parent} onClose={() => setAdding(false)} />
          <RegionImportModal open={importing} onClose={() => setImporting(false)} />
        </>
      ) : null}
    </>
  );
}
