import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { listAuditEntries } from '../../api/audit';
import type { AuditEntry } from '../../api/types';
import { FilterForm } from '../../components/FilterForm';
import { PagedTable } from '../../components/PagedTable';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { useListParams } from '../../lib/list-params';

const FILTERS = ['action', 'username', 'from', 'to'] as const;
const DATE_FORMAT = 'YYYY-MM-DD';

type FilterValues = { action?: string; username?: string; from?: Dayjs | null; to?: Dayjs | null };

const toDay = (value: string | undefined) => {
  const day = value ? dayjs(value, DATE_FORMAT) : null;
  return day?.isValid() ? day : null;
};

/** Details as one compact line of JSON: enough to read, never a wall of text. */
function compactJson(details: AuditEntry['details']): string {
  if (!details || Object.keys(details).length === 0) return '';
  return JSON.stringify(details);
}

export function AuditPage() {
  const { t } = useTranslation();
  const { page, pageSize, filters, setPage, setFilters } = useListParams(FILTERS);
  const [form] = Form.useForm<FilterValues>();

  const query = { page, pageSize, ...filters };
  const entries = useQuery({
    queryKey: ['audit', query],
    queryFn: () => listAuditEntries(query),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    form.setFieldsValue({
      action: filters.action,
      username: filters.username,
      from: toDay(filters.from),
      to: toDay(filters.to),
    });
  }, [form, filters.action, filters.username, filters.from, filters.to]);

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at), width: 170 },
    { title: t('audit.user'), dataIndex: 'actorUsername' },
    { title: t('audit.action'), dataIndex: 'action' },
    { title: t('audit.entityType'), dataIndex: 'entityType' },
    { title: t('audit.entityId'), dataIndex: 'entityId' },
    { title: t('audit.region'), dataIndex: 'regionCode' },
    { title: t('audit.ip'), dataIndex: 'ip' },
    {
      title: t('audit.details'),
      dataIndex: 'details',
      width: 320,
      render: (details: AuditEntry['details']) => <code className="details-json">{compactJson(details)}</code>,
    },
  ];

  return (
    <>
      <PageTitle title={t('audit.title')} />
      <FilterForm<FilterValues>
        form={form}
        name="auditFilters"
        label={t('audit.filtersLabel')}
        onFinish={(values) =>
          setFilters({
            action: values.action,
            username: values.username,
            from: values.from?.format(DATE_FORMAT),
            to: values.to?.format(DATE_FORMAT),
          })
        }
        onReset={() => setFilters({})}
      >
        <Form.Item name="action" label={t('audit.action')}>
          <Input allowClear placeholder={t('audit.actionPlaceholder')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="username" label={t('audit.username')}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="from" label={t('audit.from')}>
          <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="to" label={t('audit.to')}>
          <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
        </Form.Item>
      </FilterForm>
      <PagedTable<AuditEntry>
        label={t('audit.title')}
        rowKey="id"
        size="middle"
        columns={columns}
        result={entries}
        paging={{ page, pageSize, setPage }}
      />
    </>
  );
}
