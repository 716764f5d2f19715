import {
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  type DisabilityCategory,
  type DisabilityComponent,
  type DisabilityGrade,
} from '@huican/core';
import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type CertificateRequest, postCertificate } from '../../api/persons';
import type { CertificateAction, Person } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../lib/form-errors';
import { ComponentsField } from './ComponentsField';
import {
  CertificateNumberHint,
  certificateNumberRule,
  isMultipleCertificate,
  normalizedCertificate,
} from './certificate-number';
import { DATE_FORMAT } from './form-rules';
import { categoryName, certificateActionName, gradeName } from './labels';

type Values = {
  number?: string;
  issuedOn?: Dayjs;
  category?: DisabilityCategory;
  grade?: DisabilityGrade;
  components?: DisabilityComponent[];
  reason?: string;
};

const FIELDS = ['number', 'issuedOn', 'category', 'grade', 'components', 'reason'] as const;

/** Which fields each action asks for. */
const NEEDS = {
  issue: { number: true, issuedOn: true },
  renew: { issuedOn: true },
  change: { category: true, issuedOn: true },
  reissue: { reason: 'optional' },
  freeze: { reason: 'required' },
  unfreeze: { reason: 'optional' },
  cancel: { reason: 'required' },
} as const satisfies Record<
  CertificateAction,
  { number?: true; issuedOn?: true; category?: true; reason?: 'required' | 'optional' }
>;

const HINTS: Partial<Record<CertificateAction, 'renewHint' | 'reissueHint' | 'unfreezeHint' | 'cancelHint'>> = {
  renew: 'renewHint',
  reissue: 'reissueHint',
  unfreeze: 'unfreezeHint',
  cancel: 'cancelHint',
};

function toRequest(action: CertificateAction, values: Values): CertificateRequest {
  const request: CertificateRequest = { action };
  const number = values.number ? normalizedCertificate(values.number) : undefined;
  if (number) request.number = number;
  if (values.issuedOn) request.issuedOn = values.issuedOn.format(DATE_FORMAT);
  if (values.category) request.category = values.category;
  if (values.grade) request.grade = values.grade;
  const multiple = (number && isMultipleCertificate(number)) || values.category === 7;
  if (multiple && values.components) request.components = values.components;
  const reason = values.reason?.trim();
  if (reason) request.reason = reason;
  return request;
}

type Props = {
  person: Person;
  action: CertificateAction | null;
  onClose: () => void;
  onDone: (action: CertificateAction) => void;
};

/** One certificate action (发证, 换证, 变更, 补办, 冻结/解冻, 注销) as a small form. */
export function CertificateActionModal({ person, action, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const number = Form.useWatch('number', form);
  const category = Form.useWatch('category', form);

  const submission = useFormSubmit(form, FIELDS, {
    mutationFn: ({ kind, values }: { kind: CertificateAction; values: Values }) =>
      postCertificate(person.id, toRequest(kind, values)),
    onSuccess: (updated, { kind }) => {
      queryClient.setQueryData(['persons', 'detail', updated.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      onDone(kind);
      onClose();
    },
  });

  const needs: { number?: true; issuedOn?: true; category?: true; reason?: 'required' | 'optional' } = action
    ? NEEDS[action]
    : {};
  const hint = action ? HINTS[action] : undefined;
  const showComponents = needs.number
    ? isMultipleCertificate(normalizedCertificate(number))
    : needs.category
      ? category === 7
      : false;

  return (
    <FormModal<Values>
      open={action !== null}
      title={action ? t('certificate.modalTitle', { action: certificateActionName(t, action), name: person.name }) : ''}
      okText={t('common.save')}
      width={640}
      onClose={onClose}
      form={form}
      name="certificateAction"
      initialValues={{
        issuedOn: dayjs(),
        category: action === 'change' ? person.certificate?.category : undefined,
        grade: action === 'change' ? person.certificate?.grade : undefined,
        components:
          action === 'change' && person.certificate?.components.length ? person.certificate.components : undefined,
      }}
      onFinish={(values) => {
        if (action) submission.submit({ kind: action, values });
      }}
      submission={submission}
      intro={hint ? <Typography.Paragraph>{t(`certificate.${hint}`)}</Typography.Paragraph> : null}
    >
      {needs.number ? (
        <Form.Item
          name="number"
          label={t('certificate.number')}
          validateDebounce={300}
          extra={<CertificateNumberHint number={number} />}
          rules={[
            { required: true, whitespace: true, message: t('certificate.numberRequired') },
            certificateNumberRule(t, () => (person.masked ? null : person.idNumber)),
          ]}
        >
          <Input autoComplete="off" maxLength={24} />
        </Form.Item>
      ) : null}
      {needs.category ? (
        <>
          <Form.Item
            name="category"
            label={t('certificate.category')}
            rules={[{ required: true, message: t('certificate.categoryRequired') }]}
          >
            <Select
              style={{ maxWidth: 200 }}
              options={DISABILITY_CATEGORIES.map((value) => ({ value, label: categoryName(t, value) }))}
            />
          </Form.Item>
          <Form.Item
            name="grade"
            label={t('certificate.grade')}
            rules={[{ required: true, message: t('certificate.gradeRequired') }]}
          >
            <Select
              style={{ maxWidth: 200 }}
              options={DISABILITY_GRADES.map((value) => ({ value, label: gradeName(t, value) }))}
            />
          </Form.Item>
        </>
      ) : null}
      {showComponents ? <ComponentsField name="components" /> : null}
      {needs.issuedOn ? (
        <Form.Item
          name="issuedOn"
          label={t('certificate.issuedOn')}
          rules={[{ required: true, message: t('certificate.issuedOnRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
        </Form.Item>
      ) : null}
      {needs.reason ? (
        <Form.Item
          name="reason"
          label={t('certificate.reason')}
          rules={[
            { required: needs.reason === 'required', whitespace: true, message: t('certificate.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
