import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { NEED_KINDS, type NeedKind } from '@huican/core';
import { Button, Checkbox, DatePicker, Flex, Form, Input, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type Device, type RehabAssessment, type RehabPlace, recordAssessment } from '../../api/rehab';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../lib/form-errors';
import { DATE_FORMAT } from '../persons/form-rules';
import { type InstitutionOption, InstitutionSelect } from './InstitutionSelect';

type Values = {
  place: RehabPlace;
  institutionId?: string;
  assessedOn: Dayjs;
  assessor: string;
  needs: NeedKind[];
  devices?: Partial<Device>[];
  note?: string;
};

const MAX_DEVICES = 10;
const FIELDS = [
  'place',
  'institutionId',
  'assessedOn',
  'assessor',
  'needs',
  ...Array.from({ length: MAX_DEVICES }, (_, i) => [`devices.${i}.code`, `devices.${i}.name`]).flat(),
  'devices',
  'note',
];

/** A day of `year` to start from: today in the current year, else the year's last day. */
export function dayIn(year: number): Dayjs {
  const today = dayjs();
  return today.year() === year ? today : dayjs(`${year}-12-31`);
}

type Props = {
  personId: string;
  personName: string;
  year: number;
  open: boolean;
  /** Institution users assess at their own institution: no choice offered. */
  chooseInstitution: boolean;
  institutions: InstitutionOption[];
  onClose: () => void;
  onSaved: (assessment: RehabAssessment) => void;
};

/** 新增评估: a needs assessment at home or at an institution, with the devices needed. */
export function AssessmentModal({
  personId,
  personName,
  year,
  open,
  chooseInstitution,
  institutions,
  onClose,
  onSaved,
}: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const place = Form.useWatch('place', form);
  const save = useFormSubmit(form, FIELDS, {
    mutationFn: (values: Values) =>
      recordAssessment(personId, {
        year,
        place: values.place,
        institutionId: values.institutionId || undefined,
        assessedOn: values.assessedOn.format(DATE_FORMAT),
        assessor: values.assessor.trim(),
        needs: values.needs ?? [],
        devices: (values.devices ?? [])
          .filter((d) => d.code?.trim() || d.name?.trim())
          .map((d) => ({ code: d.code?.trim() ?? '', name: d.name?.trim() ?? '' })),
        note: values.note?.trim() || undefined,
      }),
    onSuccess: (assessment) => {
      onSaved(assessment);
      onClose();
    },
    fieldFor: (error) => (error.code.startsWith('INSTITUTION_') ? 'institutionId' : undefined),
  });

  return (
    <FormModal<Values>
      open={open}
      title={t('rehab.assessmentTitle', { name: personName, year })}
      okText={t('common.save')}
      width={680}
      onClose={onClose}
      form={form}
      name="rehabAssessment"
      initialValues={{ place: 'home', assessedOn: dayIn(year), needs: [] }}
      onFinish={save.submit}
      submission={save}
      intro={<Typography.Paragraph type="secondary">{t('rehab.assessmentHint')}</Typography.Paragraph>}
    >
      <Flex gap={16} wrap>
        <fieldset className="form-fieldset">
          <legend>{t('rehab.place')}</legend>
          <Form.Item name="place" noStyle>
            <Radio.Group
              options={(['home', 'institution'] as const).map((value) => ({
                value,
                label: t(`rehab.places.${value}`),
              }))}
            />
          </Form.Item>
        </fieldset>
        {chooseInstitution ? (
          <Form.Item
            name="institutionId"
            label={t('rehab.institution')}
            rules={[{ required: place === 'institution', message: t('rehab.institutionRequired') }]}
            extra={institutions.length === 0 ? t('rehab.noInstitutions') : undefined}
          >
            <InstitutionSelect institutions={institutions} />
          </Form.Item>
        ) : null}
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item
          name="assessedOn"
          label={t('rehab.assessedOn')}
          rules={[{ required: true, message: t('rehab.assessedOnRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
        </Form.Item>
        <Form.Item
          name="assessor"
          label={t('rehab.assessor')}
          rules={[{ required: true, whitespace: true, message: t('rehab.assessorRequired') }]}
        >
          <Input maxLength={50} style={{ width: 220 }} />
        </Form.Item>
      </Flex>
      <fieldset className="form-fieldset">
        <legend>{t('rehab.needs')}</legend>
        <Form.Item name="needs" noStyle>
          <Checkbox.Group options={NEED_KINDS.map((value) => ({ value, label: t(`registry.needKinds.${value}`) }))} />
        </Form.Item>
      </fieldset>
      <fieldset className="form-fieldset">
        <legend>{t('rehab.devices')}</legend>
        <Form.List name="devices">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={12} align="flex-start" wrap>
                  <Form.Item
                    name={[field.name, 'code']}
                    label={t('rehab.deviceCode', { index: index + 1 })}
                    rules={[{ required: true, whitespace: true, message: t('rehab.deviceCodeRequired') }]}
                  >
                    <Input maxLength={30} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('rehab.deviceName', { index: index + 1 })}
                    rules={[{ required: true, whitespace: true, message: t('rehab.deviceNameRequired') }]}
                  >
                    <Input maxLength={100} style={{ width: 240 }} />
                  </Form.Item>
                  {/* Level with the inputs below their labels. */}
                  <Form.Item style={{ paddingTop: 30 }}>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined aria-hidden />}
                      aria-label={t('rehab.removeDevice', { index: index + 1 })}
                      title={t('rehab.removeDevice', { index: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Form.Item>
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < MAX_DEVICES ? (
                <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                  {t('rehab.addDevice')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </fieldset>
      <Form.Item name="note" label={t('rehab.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
