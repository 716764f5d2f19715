import type { NeedKind } from '@huican/core';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type RehabPlan, type RehabService, recordPlanService } from '../../api/rehab';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../lib/form-errors';
import { DATE_FORMAT } from '../persons/form-rules';
import { planName } from './labels';

type Values = { kind: NeedKind; date: Dayjs; provider?: string; note?: string };

/** A day of the plan to start from: today while the plan runs, else its last day. */
function dayOfPlan(plan: RehabPlan): Dayjs {
  const today = dayjs();
  if (today.isBefore(dayjs(plan.startsOn), 'day')) return dayjs(plan.startsOn);
  if (today.isAfter(dayjs(plan.endsOn), 'day')) return dayjs(plan.endsOn);
  return today;
}

/** 记录服务: one session of a planned service delivered (康复训练, 辅具适配…). */
export function PlanServiceModal({
  plan,
  onClose,
  onSaved,
}: {
  /** The plan to record under; null keeps the dialog closed. */
  plan: RehabPlan | null;
  onClose: () => void;
  onSaved: (service: RehabService) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const save = useFormSubmit(form, ['kind', 'date', 'provider', 'note'], {
    mutationFn: (values: Values) =>
      recordPlanService(plan!.id, {
        kind: values.kind,
        date: values.date.format(DATE_FORMAT),
        provider: values.provider?.trim() || undefined,
        note: values.note?.trim() || undefined,
      }),
    onSuccess: (service) => {
      onSaved(service);
      onClose();
    },
  });
  const plannedProvider = plan?.services.find((s) => s.kind === kind)?.provider;

  return (
    <FormModal<Values>
      open={plan !== null}
      title={plan ? t('rehab.recordServiceTitle', { plan: planName(t, plan) }) : ''}
      okText={t('common.save')}
      onClose={onClose}
      form={form}
      name="rehabPlanService"
      initialValues={plan ? { kind: plan.services[0]?.kind, date: dayOfPlan(plan) } : undefined}
      onFinish={save.submit}
      submission={save}
    >
      <Form.Item name="kind" label={t('rehab.kind')} rules={[{ required: true, message: t('rehab.kindRequired') }]}>
        <Select
          style={{ maxWidth: 240 }}
          options={(plan?.services ?? []).map((s) => ({
            value: s.kind,
            label: t('rehab.kindOption', {
              kind: t(`registry.needKinds.${s.kind}`),
              progress: t('rehab.progressValue', { delivered: s.delivered, planned: s.sessions }),
            }),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="date"
        label={t('rehab.serviceDate')}
        rules={[{ required: true, message: t('rehab.serviceDateRequired') }]}
      >
        <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
      </Form.Item>
      <Form.Item name="provider" label={t('rehab.provider')}>
        <Input maxLength={100} placeholder={plannedProvider ?? undefined} />
      </Form.Item>
      <Form.Item name="note" label={t('rehab.serviceNote')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
