import { PERSON_STATUSES, type PersonStatus } from '@huican/core';
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { changePersonStatus } from '../../api/persons';
import type { Person } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../lib/form-errors';
import { DATE_FORMAT } from './form-rules';

type Values = { status: PersonStatus; effectiveDate: Dayjs; reason?: string };

type Props = { person: Person; open: boolean; canReactivate: boolean; onClose: () => void };

/** Deceased, moved out, cancelled — or, at county level only, active again. */
export function StatusChangeModal({ person, open, canReactivate, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);

  const submission = useFormSubmit(form, ['status', 'effectiveDate', 'reason'], {
    mutationFn: (values: Values) =>
      changePersonStatus(person.id, {
        status: values.status,
        effectiveDate: values.effectiveDate.format(DATE_FORMAT),
        reason: values.reason?.trim() || undefined,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['persons', 'detail', updated.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void message.success(t('person.statusChanged', { status: t(`registry.personStatus.${updated.status}`) }));
      onClose();
    },
  });

  const options = PERSON_STATUSES.filter(
    (value) => value !== person.status && (value !== 'active' || canReactivate),
  ).map((value) => ({ value, label: t(`registry.personStatus.${value}`) }));

  return (
    <FormModal<Values>
      open={open}
      title={t('person.statusTitle', { name: person.name })}
      okText={t('common.save')}
      onClose={onClose}
      form={form}
      name="personStatus"
      initialValues={{ effectiveDate: dayjs() }}
      onFinish={submission.submit}
      submission={submission}
      intro={
        <>
          <Typography.Paragraph>
            {t('person.currentStatus', { status: t(`registry.personStatus.${person.status}`) })}
          </Typography.Paragraph>
          {person.status !== 'active' && !canReactivate ? (
            <Typography.Paragraph type="secondary">{t('person.reactivateHint')}</Typography.Paragraph>
          ) : null}
        </>
      }
    >
      <Form.Item
        name="status"
        label={t('person.newStatus')}
        rules={[{ required: true, message: t('person.statusRequired') }]}
      >
        <Select options={options} />
      </Form.Item>
      <Form.Item
        name="effectiveDate"
        label={t('person.effectiveDate')}
        rules={[{ required: true, message: t('person.effectiveDateRequired') }]}
      >
        <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('person.reason')}
        rules={[{ required: status === 'cancelled', whitespace: true, message: t('person.reasonRequiredForCancel') }]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
