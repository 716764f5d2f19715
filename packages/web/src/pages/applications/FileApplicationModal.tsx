import { todayInChina } from '@huican/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fileApplication } from '../../api/applications';
import { ApiError } from '../../api/client';
import { listCertificateServices, listPrograms } from '../../api/programs';
import type { Person } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { showServerErrors } from '../../lib/form-errors';
import { ErrorWithReasons, notEligibleReasons } from './ActionModal';
import { statusName } from './labels';

type Values = { programCode: string; year: number; note?: string };

type Refusal =
  | { kind: 'error'; message: string; reasons: string[] }
  | { kind: 'duplicate'; message: string; applicationId: string | null };

/**
 * 申请项目: files an application of an active programme for this person, at the counter; with
 * `catalogue="certificate"`, 证件业务: one of the certificate services (评残, 换领, 变更, 补领, 迁入迁出, 注销),
 * which go through the same workflow.
 */
export function FileApplicationModal({
  person,
  open,
  onClose,
  catalogue = 'programme',
}: {
  person: Person;
  open: boolean;
  onClose: () => void;
  catalogue?: 'programme' | 'certificate';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const certificate = catalogue === 'certificate';
  const programs = useQuery({
    queryKey: certificate ? ['programs', 'certificate-services'] : ['programs', 'list'],
    queryFn: certificate ? listCertificateServices : listPrograms,
    enabled: open,
  });
  const chosenCode = Form.useWatch('programCode', form);
  const chosen = programs.data?.find((program) => program.code === chosenCode);
  const currentYear = Number(todayInChina().slice(0, 4));

  const file = useMutation({
    mutationFn: (values: Values) =>
      fileApplication({
        personId: person.id,
        programCode: values.programCode,
        year: values.year,
        note: values.note?.trim() || undefined,
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      void message.success(t('fileApplication.filed', { status: statusName(t, created.status) }));
      onClose();
      navigate(`/applications/${encodeURIComponent(created.id)}`);
    },
    onError: (cause) => {
      if (cause instanceof ApiError && cause.code === 'DUPLICATE_APPLICATION') {
        const id = cause.extra.applicationId;
        setRefusal({ kind: 'duplicate', message: cause.message, applicationId: typeof id === 'string' ? id : null });
        return;
      }
      const rest = showServerErrors(form, cause, ['programCode', 'year', 'note']);
      if (rest) setRefusal({ kind: 'error', message: rest, reasons: notEligibleReasons(cause) });
    },
  });

  return (
    <FormModal<Values>
      open={open}
      title={t(certificate ? 'fileCertificate.title' : 'fileApplication.title', { name: person.name })}
      okText={t(certificate ? 'fileCertificate.submit' : 'fileApplication.submit')}
      onClose={onClose}
      form={form}
      name={certificate ? 'fileCertificateService' : 'fileApplication'}
      initialValues={{ year: currentYear }}
      onFinish={(values) => {
        setRefusal(null);
        file.mutate(values);
      }}
      submission={{ error: null, clearError: () => setRefusal(null), isPending: file.isPending }}
      intro={
        <>
          {certificate ? <Typography.Paragraph>{t('fileCertificate.intro')}</Typography.Paragraph> : null}
          {refusal?.kind === 'duplicate' ? (
            <Alert
              type="warning"
              showIcon
              title={t('fileApplication.duplicate')}
              description={
                refusal.applicationId ? (
                  <Link to={`/applications/${encodeURIComponent(refusal.applicationId)}`} onClick={onClose}>
                    {t('fileApplication.openExisting')}
                  </Link>
                ) : (
                  refusal.message
                )
              }
              style={{ marginBottom: 16 }}
            />
          ) : refusal ? (
            <ErrorWithReasons message={refusal.message} reasons={refusal.reasons} />
          ) : null}
        </>
      }
    >
      <Form.Item
        name="programCode"
        label={t(certificate ? 'fileCertificate.service' : 'fileApplication.program')}
        rules={[
          {
            required: true,
            message: t(certificate ? 'fileCertificate.serviceRequired' : 'fileApplication.programRequired'),
          },
        ]}
        extra={
          chosen && chosen.requiredDocuments.length > 0
            ? t('fileApplication.documents', { list: chosen.requiredDocuments.join(t('common.listSeparator')) })
            : undefined
        }
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={programs.isLoading}
          options={(programs.data ?? [])
            .filter((program) => program.active)
            .map((program) => ({ value: program.code, label: program.name }))}
        />
      </Form.Item>
      <Form.Item
        name="year"
        label={t('fileApplication.year')}
        extra={t('fileApplication.yearHint', { from: currentYear - 1, to: currentYear + 1 })}
        rules={[{ required: true, message: t('fileApplication.yearRequired') }]}
      >
        <InputNumber min={currentYear - 1} max={currentYear + 1} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="note" label={t('fileApplication.note')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
