import { PERSON_STATUSES, type PersonStatus } from '@huican/core';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { getPersonHistory } from '../../api/persons';
import type { HistoryEntry, Person } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { formatDateTime } from '../../lib/format';
import { certificateActionName, disabilityText } from './labels';

type ActionKey = 'personCreate' | 'personUpdate' | 'personStatus' | 'personImport' | 'household' | 'needs' | 'service';

const ACTION_KEYS: Record<string, ActionKey> = {
  'person.create': 'personCreate',
  'person.update': 'personUpdate',
  'person.status': 'personStatus',
  'person.import': 'personImport',
  'household.create': 'household',
  'household.member.add': 'household',
  'household.member.remove': 'household',
  'person.needs': 'needs',
  'needs.record': 'needs',
  'person.service': 'service',
  'service.record': 'service',
};

const FIELD_KEYS = [
  'name',
  'regionCode',
  'phone',
  'address',
  'lowIncome',
  'extremePoverty',
  'povertyMonitored',
  'guardian',
  'status',
  'certificate',
  'category',
  'grade',
  'validUntil',
] as const;
type FieldKey = (typeof FIELD_KEYS)[number];

/** "person.update" → 修改信息, "certificate.renew" → 换证; anything else as the server names it. */
function actionName(t: TFunction, action: string): string {
  const key = ACTION_KEYS[action];
  if (key) return t(`history.actions.${key}`);
  const [entity, verb] = action.split('.');
  if (entity === 'certificate' && verb) return certificateActionName(t, verb);
  return action;
}

function fieldName(t: TFunction, field: string): string {
  const last = field.split('.').pop() ?? field;
  return (FIELD_KEYS as readonly string[]).includes(last) ? t(`history.fields.${last as FieldKey}`) : field;
}

/** A before or after value in words: yes/no, the status's name, the guardian as "name (relation) phone". */
function valueText(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('history.emptyValue');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (field === 'status' && (PERSON_STATUSES as readonly string[]).includes(String(value))) {
    return t(`registry.personStatus.${value as PersonStatus}`);
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.name === 'string' && typeof record.relation === 'string') {
      return [
        t('person.guardianValue', { name: record.name, relation: record.relation }),
        record.phone,
        record.idNumber,
      ]
        .filter(Boolean)
        .join(' ');
    }
    if (typeof record.category === 'number' && typeof record.grade === 'number') {
      return [record.number, disabilityText(t, record.category, record.grade)].filter(Boolean).join(' ');
    }
    return JSON.stringify(value);
  }
  return String(value);
}

function Changes({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const changes = Object.entries(entry.changes ?? {});
  if (changes.length === 0) return <>—</>;
  return (
    <ul className="plain-list">
      {changes.map(([field, change]) => (
        <li key={field}>
          {t('history.change', {
            field: fieldName(t, field),
            from: valueText(t, field, change.from),
            to: valueText(t, field, change.to),
          })}
        </li>
      ))}
    </ul>
  );
}

export function HistoryTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: ['persons', 'history', person.id, person.version],
    queryFn: () => getPersonHistory(person.id),
  });

  const columns: TableColumnsType<HistoryEntry & { key: number }> = [
    { title: t('history.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
    { title: t('history.user'), dataIndex: 'actorUsername', render: (name: string | null) => name ?? '—' },
    { title: t('history.action'), dataIndex: 'action', render: (action: string) => actionName(t, action) },
    { title: t('history.changes'), key: 'changes', render: (_, entry) => <Changes entry={entry} /> },
  ];

  return (
    <>
      <h2 className="section-title">{t('history.title')}</h2>
      {history.isError ? (
        <LoadError error={history.error} />
      ) : (
        <DataTable<HistoryEntry & { key: number }>
          label={t('history.title')}
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={history.data?.map((entry, index) => ({ ...entry, key: index }))}
          loading={history.isFetching}
          pagination={history.data && history.data.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        />
      )}
    </>
  );
}
