import {
  APPLICATION_STATUSES,
  type ApplicationAction,
  type ApplicationStatus,
  isRegionCode,
  PROGRAM_CODE_PATTERN,
} from '@huican/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Flex, Form, Input, InputNumber, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Application,
  type ApplicationFilters,
  type BulkResult,
  listApplications,
  takeAction,
  takeBulkAction,
} from '../../api/applications';
import { listCertificateServices, listPrograms } from '../../api/programs';
import { useCurrentUser } from '../../auth/AuthProvider';
import { FilterSelect } from '../../components/FilterForm';
import { useAnnouncer } from '../../components/LiveRegion';
import { PagedTable } from '../../components/PagedTable';
import { PageTitle } from '../../components/PageTitle';
import { RegionPicker } from '../../components/RegionPicker';
import { SearchButtons } from '../../components/SearchButtons';
import { useListParams } from '../../lib/list-params';
import { ActionModal } from './ActionModal';
import { ApplicationStatusTag, actionName, bulkActionsFor, defaultStatuses, failureText, OverdueTag } from './labels';

const FILTERS = ['status', 'programCode', 'regionCode', 'year', 'q', 'overdue'] as const;

/** "All statuses" chosen on purpose, as opposed to no choice yet (the role's default). */
const ALL = 'all';

type FilterValues = {
  status?: ApplicationStatus[];
  programCode?: string;
  regionCode?: string;
  year?: number | null;
  q?: string;
  overdue?: boolean;
};

/** Actions a row offers; reject and return ask for the reason in the dialog. */
const ROW_ACTIONS: readonly ApplicationAction[] = ['review', 'approve', 'reject', 'return'];

function parseStatuses(raw: string | undefined, fallback: ApplicationStatus[]): ApplicationStatus[] {
  if (raw === undefined) return fallback;
  if (raw === ALL) return [];
  return raw.split(',').filter((s): s is ApplicationStatus => (APPLICATION_STATUSES as readonly string[]).includes(s));
}

function intIn(raw: string | undefined, min: number, max: number): number | undefined {
  const value = Number(raw);
  return raw && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** The action waiting for its confirmation: one row's (reported alone) or the selection's (reported in counts). */
type Pending = { action: ApplicationAction; ids: string[]; subject: string; bulk: boolean };

/**
 * 申请审批: the applications waiting for the user (township: submitted; county: submitted and reviewed), with
 * filters, row actions and bulk actions. `overdueOnly` makes it the overdue list (超期督办).
 */
export function ApplicationsPage({ overdueOnly = false }: { overdueOnly?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { page, pageSize, filters: raw, setPage, setFilters } = useListParams(FILTERS);
  const [form] = Form.useForm<FilterValues>();
  const [selected, setSelected] = useState<string[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [bulkResult, setBulkResult] = useState<(BulkResult & { action: ApplicationAction }) | null>(null);
  const { announce, region } = useAnnouncer();

  const roleDefault = overdueOnly ? [] : defaultStatuses(user.role);
  const statuses = parseStatuses(raw.status, roleDefault);
  const filters: ApplicationFilters = {
    status: statuses.length > 0 ? statuses.join(',') : undefined,
    programCode: raw.programCode && PROGRAM_CODE_PATTERN.test(raw.programCode) ? raw.programCode : undefined,
    regionCode: isRegionCode(raw.regionCode) ? raw.regionCode : undefined,
    year: intIn(raw.year, 2000, 2100),
    q: raw.q || undefined,
    overdue: overdueOnly || raw.overdue === 'true' ? true : undefined,
  };
  const query = { ...filters, page, pageSize };
  const applications = useQuery({
    queryKey: ['applications', 'list', query],
    queryFn: ({ signal }) => listApplications(query, signal),
    placeholderData: keepPreviousData,
  });
  const programs = useQuery({ queryKey: ['programs', 'list'], queryFn: listPrograms });
  const certificateServices = useQuery({
    queryKey: ['programs', 'certificate-services'],
    queryFn: listCertificateServices,
  });

  const toFormValues = (): FilterValues => ({
    status: statuses,
    programCode: filters.programCode,
    regionCode: filters.regionCode,
    year: filters.year ?? null,
    q: filters.q,
    overdue: raw.overdue === 'true',
  });
  const filterKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for the filters' values
  useEffect(() => {
    form.setFieldsValue(toFormValues());
  }, [form, filterKey]);

  const applyFilters = (values: FilterValues) => {
    const chosen = values.status ?? [];
    setFilters({
      status: chosen.length > 0 ? chosen.join(',') : overdueOnly ? undefined : ALL,
      programCode: values.programCode,
      regionCode: values.regionCode,
      year: values.year ? String(values.year) : undefined,
      q: values.q,
      overdue: values.overdue ? 'true' : undefined,
    });
    setSelected([]);
  };

  const bulkActions = bulkActionsFor(user.role);
  const rows = applications.data?.items ?? [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const subjectOf = (row: Application) =>
    t('applications.subject', { name: row.personName, program: row.programName, year: row.year });

  const done = (text: string) => {
    void message.success(text);
    announce(text);
    void queryClient.invalidateQueries({ queryKey: ['applications'] });
  };

  const send = async (action: ApplicationAction, comment: string | undefined): Promise<BulkResult> => {
    const ids = pending?.ids ?? [];
    if (!pending?.bulk) {
      await takeAction(ids[0]!, action, comment);
      return { succeeded: ids, failed: [] };
    }
    return takeBulkAction(ids, action, comment);
  };

  const onDone = (result: BulkResult, action: ApplicationAction) => {
    if (pending?.bulk) {
      setBulkResult({ ...result, action });
      setSelected((current) => current.filter((id) => !result.succeeded.includes(id)));
      const text = t('applications.bulkDone', {
        action: actionName(t, action),
        succeeded: result.succeeded.length,
        failed: result.failed.length,
      });
      if (result.failed.length > 0) {
        void message.warning(text);
        announce(text);
        void queryClient.invalidateQueries({ queryKey: ['applications'] });
      } else {
        done(text);
      }
      return;
    }
    const row = byId.get(result.succeeded[0] ?? '');
    done(t('applications.actionDone', { action: actionName(t, action), subject: row ? subjectOf(row) : '' }));
  };

  const columns: TableColumnsType<Application> = [
    {
      title: t('applications.person'),
      dataIndex: 'personName',
      render: (name: string, row) => (
        <Link
          to={`/applications/${encodeURIComponent(row.id)}`}
          aria-label={t('applications.openNamed', { name, program: row.programName })}
        >
          {name}
        </Link>
      ),
    },
    {
      title: t('applications.idNumber'),
      dataIndex: 'personIdNumber',
      render: (id: string) => <span className="nowrap">{id}</span>,
    },
    { title: t('applications.program'), dataIndex: 'programName' },
    { title: t('applications.year'), dataIndex: 'year' },
    { title: t('applications.region'), key: 'region', render: (_, row) => row.regionName ?? row.regionCode },
    {
      title: t('applications.status'),
      dataIndex: 'status',
      render: (status: ApplicationStatus) => <ApplicationStatusTag status={status} />,
    },
    {
      title: t('applications.appliedOn'),
      dataIndex: 'appliedOn',
      render: (d: string) => <span className="nowrap">{d}</span>,
    },
    {
      title: t('applications.dueOn'),
      key: 'dueOn',
      render: (_, row) =>
        row.dueOn ? (
          <Flex gap={4} align="center" wrap={false}>
            <span className="nowrap">{row.dueOn}</span>
            {row.overdue ? <OverdueTag /> : null}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, row) => {
        const actions = ROW_ACTIONS.filter((action) => row.allowedActions.includes(action));
        if (actions.length === 0) return '—';
        return (
          <Flex gap={4} wrap>
            {actions.map((action) => (
              <Button
                key={action}
                size="small"
                type={action === 'review' || action === 'approve' ? 'primary' : 'default'}
                danger={action === 'reject'}
                aria-label={t('applications.rowAction', { action: actionName(t, action), name: row.personName })}
                onClick={() => setPending({ action, ids: [row.id], subject: subjectOf(row), bulk: false })}
              >
                {actionName(t, action)}
              </Button>
            ))}
          </Flex>
        );
      },
    },
  ];

  const title = overdueOnly ? t('applications.overdueTitle') : t('applications.title');
  // Grouped: the programmes (惠残项目), then the certificate services (证件业务).
  const programOptions = [
    {
      label: t('applications.programGroups.programmes'),
      title: t('applications.programGroups.programmes'),
      options: (programs.data ?? []).map((p) => ({ value: p.code, label: p.name })),
    },
    {
      label: t('applications.programGroups.certificates'),
      title: t('applications.programGroups.certificates'),
      options: (certificateServices.data ?? []).map((p) => ({ value: p.code, label: p.name })),
    },
  ];

  return (
    <>
      <PageTitle title={title} />
      <Form<FilterValues>
        form={form}
        name="applicationFilters"
        layout="inline"
        aria-label={t('applications.filtersLabel')}
        initialValues={toFormValues()}
        onFinish={applyFilters}
        style={{ marginBottom: 16, rowGap: 12 }}
      >
        <Form.Item name="q" label={t('applications.q')}>
          <Input allowClear placeholder={t('applications.qPlaceholder')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="status" label={t('applications.status')}>
          <FilterSelect
            mode="multiple"
            style={{ minWidth: 200 }}
            values={APPLICATION_STATUSES}
            labelOf={(value) => t(`workflow.status.${value}`)}
          />
        </Form.Item>
        <Form.Item name="programCode" label={t('applications.program')}>
          <FilterSelect showSearch={{ optionFilterProp: 'label' }} style={{ width: 220 }} options={programOptions} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('applications.region')}>
          <RegionPicker style={{ width: 220 }} placeholder={t('common.allRegions')} />
        </Form.Item>
        <Form.Item name="year" label={t('applications.year')}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 100 }} />
        </Form.Item>
        {overdueOnly ? null : (
          <Form.Item name="overdue" valuePropName="checked">
            <Checkbox>{t('applications.overdueOnly')}</Checkbox>
          </Form.Item>
        )}
        <SearchButtons
          onReset={() => {
            setFilters({});
            setSelected([]);
          }}
        />
      </Form>
      {region}
      {bulkActions.length > 0 ? (
        <section aria-labelledby="bulkActionsTitle" style={{ marginBottom: 12 }}>
          <h2 id="bulkActionsTitle" className="visually-hidden">
            {t('applications.bulkTitle')}
          </h2>
          <Flex gap={8} wrap align="center">
            <span>{t('applications.selectedCount', { count: selected.length })}</span>
            {bulkActions.map((action) => (
              <Button
                key={action}
                disabled={selected.length === 0}
                danger={action === 'reject'}
                onClick={() =>
                  setPending({
                    action,
                    ids: selected,
                    subject: t('applications.selectedCount', { count: selected.length }),
                    bulk: true,
                  })
                }
              >
                {t('applications.bulkAction', { action: actionName(t, action) })}
              </Button>
            ))}
          </Flex>
        </section>
      ) : null}
      {bulkResult ? (
        <Alert
          type={bulkResult.failed.length > 0 ? 'warning' : 'success'}
          showIcon
          closable={{ 'aria-label': t('common.close') }}
          onClose={() => setBulkResult(null)}
          title={t('applications.bulkDone', {
            action: actionName(t, bulkResult.action),
            succeeded: bulkResult.succeeded.length,
            failed: bulkResult.failed.length,
          })}
          description={
            bulkResult.failed.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {bulkResult.failed.map((failure) => {
                  const row = byId.get(failure.id);
                  return (
                    <li key={failure.id}>
                      {t('applications.failedItem', {
                        subject: row ? subjectOf(row) : failure.id,
                        reason: failureText(t, failure.code),
                      })}
                    </li>
                  );
                })}
              </ul>
            ) : undefined
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <PagedTable<Application>
        label={title}
        rowKey="id"
        size="middle"
        columns={columns}
        result={applications}
        paging={{ page, pageSize, setPage }}
        rowSelection={
          bulkActions.length > 0
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                preserveSelectedRowKeys: true,
                getCheckboxProps: (row) => ({ 'aria-label': t('applications.selectRow', { name: row.personName }) }),
                getTitleCheckboxProps: () => ({ 'aria-label': t('applications.selectPage') }),
              }
            : undefined
        }
      />
      <ActionModal<BulkResult>
        action={pending?.action ?? null}
        subject={pending?.subject ?? ''}
        send={send}
        onDone={onDone}
        onClose={() => setPending(null)}
      />
    </>
  );
}
