import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Space,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCertificates } from '../../api/persons';
import type { CertificateAction, CertificateRecord, Person } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { CertificateActionModal } from './CertificateActionModal';
import { DATE_FORMAT } from './form-rules';
import { CertificateStatusTag, certificateActionName, componentsText, disabilityText, orDash } from './labels';

/** The actions that make sense for the certificate as it stands; the server has the last word. */
function availableActions(person: Person): CertificateAction[] {
  const status = person.certificate?.status;
  if (!status || status === 'cancelled') return ['issue'];
  if (status === 'frozen') return ['unfreeze', 'cancel'];
  return ['renew', 'change', 'reissue', 'freeze', 'cancel'];
}

export function CertificateTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [action, setAction] = useState<CertificateAction | null>(null);
  const mayAct = can(user.role, 'certificates');

  const history = useQuery({
    queryKey: ['persons', 'certificates', person.id, person.version],
    queryFn: () => listCertificates(person.id),
  });

  const certificate = person.certificate;
  const items: DescriptionsProps['items'] = certificate
    ? [
        { key: 'number', label: t('certificate.number'), children: certificate.number },
        {
          key: 'disability',
          label: t('person.disability'),
          children: disabilityText(t, certificate.category, certificate.grade),
        },
        ...(certificate.components.length > 0
          ? [
              {
                key: 'components',
                label: t('certificate.components'),
                children: componentsText(t, certificate.components),
              },
            ]
          : []),
        { key: 'issuedOn', label: t('certificate.issuedOn'), children: orDash(certificate.issuedOn) },
        { key: 'validUntil', label: t('certificate.validUntil'), children: certificate.validUntil },
        {
          key: 'status',
          label: t('certificate.status'),
          children: (
            <Space size={8} wrap>
              <CertificateStatusTag status={certificate.status} />
              {certificate.status !== 'cancelled' && certificate.status !== 'frozen'
                ? t('certificate.renewalOpens', {
                    date: dayjs(certificate.validUntil).subtract(1, 'year').format(DATE_FORMAT),
                  })
                : null}
            </Space>
          ),
        },
      ]
    : [];

  const columns: TableColumnsType<CertificateRecord> = [
    { title: t('certificate.number'), dataIndex: 'number', render: (n: string) => <span className="nowrap">{n}</span> },
    {
      title: t('person.disability'),
      key: 'disability',
      render: (_, record) =>
        [disabilityText(t, record.category, record.grade), componentsText(t, record.components)]
          .filter(Boolean)
          .join(' · '),
    },
    { title: t('certificate.issuedOn'), dataIndex: 'issuedOn', render: orDash },
    { title: t('certificate.validUntil'), dataIndex: 'validUntil', render: orDash },
    { title: t('certificate.event'), dataIndex: 'event', render: (event: string) => certificateActionName(t, event) },
    {
      title: t('certificate.current'),
      dataIndex: 'current',
      render: (current: boolean) => (current ? t('common.yes') : t('common.no')),
    },
    { title: t('certificate.endedOn'), dataIndex: 'endedOn', render: orDash },
    { title: t('certificate.endReason'), dataIndex: 'endReason', render: orDash },
  ];

  return (
    <>
      <h2 className="section-title">{t('certificate.currentTitle')}</h2>
      {certificate ? (
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
      ) : (
        <Typography.Paragraph>{t('certificate.none')}</Typography.Paragraph>
      )}
      {mayAct ? (
        <Flex gap={8} wrap role="group" aria-label={t('certificate.actionsLabel')} style={{ marginTop: 16 }}>
          {availableActions(person).map((value) => (
            <Button key={value} danger={value === 'cancel'} onClick={() => setAction(value)}>
              {certificateActionName(t, value)}
            </Button>
          ))}
        </Flex>
      ) : null}

      <h2 className="section-title">{t('certificate.historyTitle')}</h2>
      {history.isError ? (
        <LoadError error={history.error} />
      ) : (
        <DataTable<CertificateRecord>
          label={t('certificate.historyTitle')}
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={history.data}
          loading={history.isFetching}
          pagination={false}
        />
      )}
      {mayAct ? (
        <CertificateActionModal
          person={person}
          action={action}
          onClose={() => setAction(null)}
          onDone={(done) => void message.success(t('certificate.done', { action: certificateActionName(t, done) }))}
        />
      ) : null}
    </>
  );
}
