import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, InputNumber, type TableColumnsType, Typography, Upload } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { getTargets, importTargets, type ProgramDetail, setTargets, targetsTemplateUrl } from '../../api/programs';
import { listChildRegions, listRootRegions } from '../../api/regions';
import type { RegionNode } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';

type Row = { regionCode: string; regionName: string | null; target: number | null };

/** The townships of the user's scope: the children of each county it holds, or its own township. */
async function listTownships(): Promise<RegionNode[]> {
  const roots = await listRootRegions();
  const lists = await Promise.all(
    roots.map((root) => (root.level === 'county' ? listChildRegions(root.code) : Promise.resolve([root]))),
  );
  return lists.flat().filter((region) => region.level === 'township');
}

/** Import problems keyed `row 3.目标数` as "第 3 行，目标数：…". */
function importProblems(t: TFunction, error: unknown): { key: string; text: string }[] {
  if (!(error instanceof ApiError)) return [];
  return Object.entries(error.fields).map(([key, message]) => {
    const match = /^row (\d+)\.(.+)$/.exec(key);
    return {
      key,
      text: match ? t('targets.rowProblem', { row: match[1], column: match[2], message }) : `${key}: ${message}`,
    };
  });
}

/**
 * The year's targets by township and their county total. Planners (admin, officer) edit each township's
 * target and save them together, or import a workbook made from the template.
 */
export function TargetsSection({ program, year }: { program: ProgramDetail; year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const mayPlan = can(user.role, 'programsPlan');
  const targets = useQuery({
    queryKey: ['programs', 'targets', program.code, year],
    queryFn: () => getTargets(program.code, year),
  });
  const townships = useQuery({ queryKey: ['regions', 'townships'], queryFn: listTownships, enabled: mayPlan });
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const [importErrors, setImportErrors] = useState<{ key: string; text: string }[]>([]);
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new programme or year starts without edits
  useEffect(() => {
    setEdits({});
    setImportErrors([]);
    setError(null);
  }, [program.code, year]);

  const stored = new Map((targets.data?.targets ?? []).map((row) => [row.regionCode, row]));
  const rows: Row[] = mayPlan
    ? [
        ...(townships.data ?? []).map((township) => ({
          regionCode: township.code,
          regionName: township.name,
          target: stored.get(township.code)?.target ?? null,
        })),
        // Targets of townships no longer listed (none in practice) stay visible.
        ...(targets.data?.targets ?? []).filter(
          (row) => !townships.data?.some((township) => township.code === row.regionCode),
        ),
      ]
    : (targets.data?.targets ?? []);

  const shownTarget = (row: Row) => (row.regionCode in edits ? edits[row.regionCode]! : row.target);
  const changed = Object.entries(edits).filter(
    ([code, value]) => value !== null && value !== (stored.get(code)?.target ?? null),
  ) as [string, number][];
  const liveTotal = rows.reduce((sum, row) => sum + (shownTarget(row) ?? 0), 0);

  const afterSave = (text: string) => {
    setEdits({});
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: ['programs', 'targets', program.code, year] });
    void queryClient.invalidateQueries({ queryKey: ['programs', 'detail', program.code] });
  };
  const save = useMutation({
    mutationFn: () =>
      setTargets(
        program.code,
        year,
        changed.map(([regionCode, target]) => ({ regionCode, target })),
      ),
    onSuccess: () => afterSave(t('targets.saved', { count: changed.length })),
    onError: (cause) => setError(cause.message),
  });
  const upload = useMutation({
    mutationFn: (file: File) => importTargets(program.code, year, file),
    onSuccess: (result) => afterSave(t('targets.imported', { count: result.imported })),
    onError: (cause) => {
      const problems = importProblems(t, cause);
      setImportErrors(problems);
      setError(problems.length > 0 ? null : cause.message);
    },
  });

  const columns: TableColumnsType<Row> = [
    {
      title: t('targets.township'),
      dataIndex: 'regionName',
      render: (name: string | null, row) => name ?? row.regionCode,
    },
    { title: t('targets.regionCode'), dataIndex: 'regionCode' },
    {
      title: t('targets.target'),
      key: 'target',
      align: 'right',
      render: (_, row) =>
        mayPlan ? (
          <InputNumber
            aria-label={t('targets.targetOf', { name: row.regionName ?? row.regionCode })}
            min={0}
            max={1_000_000_000}
            precision={0}
            value={shownTarget(row)}
            onChange={(value) => setEdits((current) => ({ ...current, [row.regionCode]: value ?? null }))}
            style={{ width: 120 }}
          />
        ) : (
          (row.target ?? '—')
        ),
    },
  ];

  return (
    <section aria-labelledby="targetsTitle">
      <h2 id="targetsTitle" className="section-title">
        {t('targets.title', { year })}
      </h2>
      <LoadError error={targets.error ?? townships.error} style={{ marginBottom: 12 }} />
      <ul className="plain-list" style={{ marginBottom: 12 }}>
        {(targets.data?.totals ?? []).map((total) => (
          <li key={total.regionCode}>
            {t('targets.countyTotal', { name: total.regionName ?? total.regionCode, total: total.target })}
          </li>
        ))}
        {targets.data && targets.data.totals.length === 0 ? <li>{t('targets.noTargets')}</li> : null}
        {mayPlan && changed.length > 0 ? <li>{t('targets.editedTotal', { total: liveTotal })}</li> : null}
      </ul>
      {mayPlan ? (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            disabled={changed.length === 0}
            loading={save.isPending}
            onClick={() => {
              setError(null);
              save.mutate();
            }}
          >
            {t('targets.save', { count: changed.length })}
          </Button>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(file) => {
              setImportErrors([]);
              setError(null);
              if (!/\.xlsx$/i.test(file.name)) setError(t('targets.onlyXlsx'));
              else upload.mutate(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
              {t('targets.import')}
            </Button>
          </Upload>
          <a href={targetsTemplateUrl(program.code, year)} download>
            <DownloadOutlined aria-hidden /> {t('targets.template')}
          </a>
        </Flex>
      ) : null}
      {mayPlan ? <Typography.Paragraph type="secondary">{t('targets.importHint')}</Typography.Paragraph> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {importErrors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('targets.importFailed', { count: importErrors.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {importErrors.map((problem) => (
                <li key={problem.key}>{problem.text}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <DataTable<Row>
        label={t('targets.title', { year })}
        rowKey="regionCode"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={targets.isFetching || townships.isFetching}
        pagination={false}
      />
    </section>
  );
}
