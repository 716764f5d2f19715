import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { type NeedKind, REHAB_NEED_KINDS } from '@huican/core';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createPlan, type RehabAssessment, type RehabPlan } from '../../api/rehab';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../lib/form-errors';
import { DATE_FORMAT } from '../persons/form-rules';
import { type InstitutionOption, InstitutionSelect } from './InstitutionSelect';

type ServiceValues = { kind?: NeedKind; sessions?: number; provider?: string };
type Values = {
  assessmentId?: string;
  institutionId?: string;
  agreementSignedOn: Dayjs;
  startsOn: Dayjs;
  endsOn: Dayjs;
  goals: string;
  services: ServiceValues[];
};

const FIELDS = [
  'assessmentId',
  'institutionId',
  'agreementSignedOn',
  'startsOn',
  'endsOn',
  'goals',
  ...REHAB_NEED_KINDS.flatMap((_, i) => [`services.${i}.kind`, `services.${i}.sessions`, `services.${i}.provider`]),
  'services',
];

type Props = {
  personId: string;
  personName: string;
  year: number;
  open: boolean;
  assessments: RehabAssessment[];
  chooseInstitution: boolean;
  institutions: InstitutionOption[];
  onClose: () => void;
  onSaved: (plan: RehabPlan) => void;
};

/** 制定方案: the service agreement and the personalised plan — period, goals, services and their sessions. */
export function PlanModal({
  personId,
  personName,
  year,
  open,
  assessments,
  chooseInstitution,
  institutions,
  onClose,
  onSaved,
}: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useFormSubmit(form, FIELDS, {
    mutationFn: (values: Values) =>
      createPlan(personId, {
        year,
        assessmentId: values.assessmentId || undefined,
        institutionId: values.institutionId || undefined,
        agreementSignedOn: values.agreementSignedOn.format(DATE_FORMAT),
        startsOn: values.startsOn.format(DATE_FORMAT),
        endsOn: values.endsOn.format(DATE_FORMAT),
        goals: values.goals.trim(),
        services: values.services.map((s) => ({
          kind: s.kind!,
          sessions: s.sessions!,
          provider: s.provider?.trim() || undefined,
        })),
      }),
    onSuccess: (plan) => {
      onSaved(plan);
      onClose();
    },
    fieldFor: (error) => (error.code.startsWith('INSTITUTION_') ? 'institutionId' : undefined),
  });

  const start = year === dayjs().year() ? dayjs() : dayjs(`${year}-01-01`);
  const latest = assessments[0];

  return (
    <FormModal<Values>
      open={open}
      title={t('rehab.planTitle', { name: personName, year })}
      okText={t('common.save')}
      width={760}
      onClose={onClose}
      form={form}
      name="rehabPlan"
      initialValues={{
        assessmentId: latest?.id,
        agreementSignedOn: start.isAfter(dayjs()) ? dayjs() : start,
        startsOn: start,
        endsOn: dayjs(`${year}-12-31`),
        services: [{ kind: 'rehab_training' }],
      }}
      onFinish={save.submit}
      submission={save}
    >
      <Flex gap={16} wrap>
        <Form.Item name="assessmentId" label={t('rehab.assessment')}>
          <Select
            allowClear
            style={{ width: 260 }}
            options={assessments.map((a) => ({
              value: a.id,
              label: t('rehab.assessmentOption', { date: a.assessedOn, assessor: a.assessor }),
            }))}
          />
        </Form.Item>
        {chooseInstitution ? (
          <Form.Item
            name="institutionId"
            label={t('rehab.institution')}
            extra={institutions.length === 0 ? t('rehab.noInstitutions') : undefined}
          >
            <InstitutionSelect institutions={institutions} />
          </Form.Item>
        ) : null}
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item
          name="agreementSignedOn"
          label={t('rehab.agreementSignedOn')}
          rules={[{ required: true, message: t('rehab.agreementSignedOnRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
        </Form.Item>
        <Form.Item
          name="startsOn"
          label={t('rehab.startsOn')}
          rules={[{ required: true, message: t('rehab.startsOnRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('rehab.endsOn')}
          dependencies={['startsOn']}
          rules={[
            { required: true, message: t('rehab.endsOnRequired') },
            ({ getFieldValue }) => ({
              validator: async (_, value: Dayjs | undefined) => {
                const startsOn = getFieldValue('startsOn') as Dayjs | undefined;
                if (value && startsOn && value.isBefore(startsOn, 'day')) throw new Error(t('rehab.endsBeforeStart'));
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="goals"
        label={t('rehab.goals')}
        rules={[{ required: true, whitespace: true, message: t('rehab.goalsRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('rehab.plannedServices')}</legend>
        <Form.List
          name="services"
          rules={[
            {
              validator: async (_, value: ServiceValues[] | undefined) => {
                if (!value || value.length === 0) throw new Error(t('rehab.servicesTooFew'));
                const kinds = value.map((s) => s.kind).filter(Boolean);
                if (new Set(kinds).size !== kinds.length) throw new Error(t('rehab.servicesRepeated'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={12} align="flex-start" wrap>
                  <Form.Item
                    name={[field.name, 'kind']}
                    label={t('rehab.plannedKind', { index: index + 1 })}
                    rules={[{ required: true, message: t('rehab.kindRequired') }]}
                  >
                    <Select
                      style={{ width: 160 }}
                      options={REHAB_NEED_KINDS.map((value) => ({
                        value,
                        label: t(`registry.needKinds.${value}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'sessions']}
                    label={t('rehab.plannedSessions', { index: index + 1 })}
                    rules={[{ required: true, message: t('rehab.sessionsRequired') }]}
                  >
                    <InputNumber min={1} max={1000} precision={0} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'provider']} label={t('rehab.plannedProvider', { index: index + 1 })}>
                    <Input maxLength={100} style={{ width: 200 }} />
                  </Form.Item>
                  {/* Level with the inputs below their labels. */}
                  <Form.Item style={{ paddingTop: 30 }}>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined aria-hidden />}
                      aria-label={t('rehab.removePlannedService', { index: index + 1 })}
                      title={t('rehab.removePlannedService', { index: index + 1 })}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                    />
                  </Form.Item>
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < REHAB_NEED_KINDS.length ? (
                <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                  {t('rehab.addPlannedService')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </fieldset>
    </FormModal>
  );
}
