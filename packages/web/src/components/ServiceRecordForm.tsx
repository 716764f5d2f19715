import { NEED_KINDS, type NeedKind } from '@huican/core';
import { Alert, Button, DatePicker, Form, type FormInstance, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../pages/persons/form-rules';

export type ServiceRecordValues = { kind: NeedKind; date: Dayjs; provider?: string; note?: string };

/**
 * "Record a service" as one inline form: kind, date, (provider,) note and the submit button, under its
 * heading, with the submit's error. Used on a person's needs tab and on a placement (an institution records
 * what it delivered); each passes its own texts.
 */
export function ServiceRecordForm({
  form,
  name,
  titleId,
  title,
  save,
  labels,
  noteMaxLength,
}: {
  form: FormInstance<ServiceRecordValues>;
  /** The form's name (antd prefixes field ids with it). */
  name: string;
  titleId: string;
  /** The heading, also the submit button's text. */
  title: string;
  save: { submit: (values: ServiceRecordValues) => void; error: string | null; isPending: boolean };
  labels: {
    kind: string;
    kindRequired: string;
    date: string;
    dateRequired: string;
    note: string;
    /** Shown only when given. */
    provider?: string;
  };
  noteMaxLength: number;
}) {
  const { t } = useTranslation();
  return (
    <Form<ServiceRecordValues>
      form={form}
      name={name}
      layout="inline"
      aria-labelledby={titleId}
      initialValues={{ date: dayjs() }}
      onFinish={save.submit}
      style={{ rowGap: 12 }}
    >
      <h3 id={titleId} className="section-title" style={{ width: '100%' }}>
        {title}
      </h3>
      {save.error ? <Alert type="error" showIcon title={save.error} style={{ width: '100%' }} /> : null}
      <Form.Item name="kind" label={labels.kind} rules={[{ required: true, message: labels.kindRequired }]}>
        <Select
          style={{ width: 180 }}
          options={NEED_KINDS.map((value) => ({ value, label: t(`registry.needKinds.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="date" label={labels.date} rules={[{ required: true, message: labels.dateRequired }]}>
        <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
      </Form.Item>
      {labels.provider ? (
        <Form.Item name="provider" label={labels.provider}>
          <Input maxLength={100} style={{ width: 200 }} />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={labels.note}>
        <Input maxLength={noteMaxLength} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {title}
        </Button>
      </Form.Item>
    </Form>
  );
}
