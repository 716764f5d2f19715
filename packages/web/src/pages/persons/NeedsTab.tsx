import { NEED_KINDS, type NeedKind } from '@huican/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { listNeedSurveys, listServices, type NewNeedSurvey, recordNeedSurvey, recordService } from '../../api/persons';
import { type NeedSurvey, type Person, type ServiceRecord, SURVEY_METHODS, type SurveyMethod } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { ServiceRecordForm, type ServiceRecordValues } from '../../components/ServiceRecordForm';
import { useFormSubmit } from '../../lib/form-errors';
import { DATE_FORMAT } from './form-rules';
import { orDash } from './labels';

const kindsOf = (survey: NeedSurvey): NeedKind[] =>
  survey.needs.map((need) => (typeof need === 'string' ? need : need.kind));

type SurveyValues = {
  year: number;
  method: SurveyMethod;
  identityChecked: boolean;
  surveyedOn?: Dayjs;
  kinds: NeedKind[];
  note?: string;
  found: boolean;
  personStatus?: { status: 'deceased' | 'moved_out'; effectiveDate: Dayjs; reason?: string };
};

const SURVEY_FIELDS = [
  'year',
  'method',
  'identityChecked',
  'surveyedOn',
  'kinds',
  'note',
  'personStatus.status',
  'personStatus.effectiveDate',
  'personStatus.reason',
] as const;

function SurveyForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SurveyValues>();
  const found = Form.useWatch('found', form);

  const save = useFormSubmit(form, SURVEY_FIELDS, {
    mutationFn: (values: SurveyValues) => {
      const survey: NewNeedSurvey = {
        year: values.year,
        kinds: values.kinds ?? [],
        method: values.method,
        identityChecked: Boolean(values.identityChecked),
        surveyedOn: values.surveyedOn?.format(DATE_FORMAT),
        note: values.note?.trim() || undefined,
      };
      if (values.found && values.personStatus) {
        survey.personStatus = {
          status: values.personStatus.status,
          effectiveDate: values.personStatus.effectiveDate.format(DATE_FORMAT),
          reason: values.personStatus.reason?.trim() || undefined,
        };
      }
      return recordNeedSurvey(person.id, survey);
    },
    onSuccess: (survey, values) => {
      void queryClient.invalidateQueries({ queryKey: ['persons', 'needs', person.id] });
      // Recording a death or move-out changes the person as well.
      if (values.found) void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void queryClient.invalidateQueries({ queryKey: ['surveys'] });
      void message.success(t('needs.saved', { year: survey.year }));
      form.resetFields();
    },
  });

  return (
    <Form<SurveyValues>
      form={form}
      name="needSurvey"
      layout="vertical"
      aria-labelledby="needSurveyTitle"
      className="form-page"
      initialValues={{
        year: dayjs().year(),
        method: 'home_visit',
        identityChecked: false,
        surveyedOn: dayjs(),
        kinds: [],
        found: false,
        personStatus: { status: 'deceased', effectiveDate: dayjs() },
      }}
      onFinish={save.submit}
    >
      <h3 id="needSurveyTitle" className="section-title">
        {t('needs.recordTitle')}
      </h3>
      <Typography.Paragraph type="secondary">{t('needs.replaceHint')}</Typography.Paragraph>
      {save.error ? <Alert type="error" showIcon title={save.error} style={{ marginBottom: 16 }} /> : null}
      <Flex gap={16} wrap>
        <Form.Item name="year" label={t('needs.year')} rules={[{ required: true, message: t('needs.yearRequired') }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="surveyedOn" label={t('needs.surveyedOn')}>
          <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="method" label={t('needs.method')}>
          <Select
            style={{ width: 160 }}
            options={SURVEY_METHODS.map((value) => ({ value, label: t(`registry.surveyMethods.${value}`) }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="identityChecked" valuePropName="checked">
        <Checkbox>{t('needs.identityChecked')}</Checkbox>
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('needs.needs')}</legend>
        <Form.Item name="kinds" noStyle>
          <Checkbox.Group options={NEED_KINDS.map((value) => ({ value, label: t(`registry.needKinds.${value}`) }))} />
        </Form.Item>
      </fieldset>
      <Form.Item name="note" label={t('needs.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {person.status === 'active' ? (
        <Form.Item name="found" valuePropName="checked">
          <Checkbox>{t('needs.found')}</Checkbox>
        </Form.Item>
      ) : null}
      {found ? (
        <Flex gap={16} wrap>
          <fieldset className="form-fieldset">
            <legend>{t('needs.foundStatus')}</legend>
            <Form.Item name={['personStatus', 'status']} noStyle>
              <Radio.Group
                options={(['deceased', 'moved_out'] as const).map((value) => ({
                  value,
                  label: t(`registry.personStatus.${value}`),
                }))}
              />
            </Form.Item>
          </fieldset>
          <Form.Item
            name={['personStatus', 'effectiveDate']}
            label={t('needs.foundDate')}
            rules={[{ required: true, message: t('needs.foundDateRequired') }]}
          >
            <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name={['personStatus', 'reason']} label={t('needs.foundReason')}>
            <Input maxLength={500} style={{ width: 280 }} />
          </Form.Item>
        </Flex>
      ) : null}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('needs.save')}
      </Button>
    </Form>
  );
}

function ServiceForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ServiceRecordValues>();

  const save = useFormSubmit(form, ['kind', 'date', 'provider', 'note'], {
    mutationFn: (values: ServiceRecordValues) =>
      recordService(person.id, {
        // A service belongs to the year it was given in.
        year: values.date.year(),
        kind: values.kind,
        date: values.date.format(DATE_FORMAT),
        provider: values.provider?.trim() || undefined,
        note: values.note?.trim() || undefined,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['persons', 'services', person.id] });
      void message.success(t('needs.serviceSaved'));
      form.resetFields();
    },
  });

  return (
    <ServiceRecordForm
      form={form}
      name="service"
      titleId="serviceFormTitle"
      title={t('needs.addService')}
      save={save}
      labels={{
        kind: t('needs.serviceKind'),
        kindRequired: t('needs.kindRequired'),
        date: t('needs.serviceDate'),
        dateRequired: t('needs.dateRequired'),
        provider: t('needs.provider'),
        note: t('needs.note'),
      }}
      noteMaxLength={500}
    />
  );
}

export function NeedsTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mayWrite = can(user.role, 'personsWrite');

  const surveys = useQuery({ queryKey: ['persons', 'needs', person.id], queryFn: () => listNeedSurveys(person.id) });
  const services = useQuery({ queryKey: ['persons', 'services', person.id], queryFn: () => listServices(person.id) });

  const kindNames = (kinds: NeedKind[]) =>
    kinds.length > 0
      ? kinds.map((kind) => t(`registry.needKinds.${kind}`)).join(t('common.listSeparator'))
      : t('needs.noNeeds');

  const surveyColumns: TableColumnsType<NeedSurvey> = [
    { title: t('needs.year'), dataIndex: 'year' },
    { title: t('needs.surveyedOn'), dataIndex: 'surveyedOn', render: orDash },
    {
      title: t('needs.method'),
      dataIndex: 'method',
      render: (method: SurveyMethod | null) => (method ? t(`registry.surveyMethods.${method}`) : '—'),
    },
    {
      title: t('needs.identityChecked'),
      dataIndex: 'identityChecked',
      render: (checked: boolean) => (checked ? t('common.yes') : t('common.no')),
    },
    { title: t('needs.needs'), key: 'needs', render: (_, survey) => kindNames(kindsOf(survey)) },
    { title: t('needs.note'), dataIndex: 'note', render: orDash },
  ];

  const serviceColumns: TableColumnsType<ServiceRecord> = [
    { title: t('needs.serviceDate'), dataIndex: 'date' },
    { title: t('needs.year'), dataIndex: 'year' },
    { title: t('needs.serviceKind'), dataIndex: 'kind', render: (kind: NeedKind) => t(`registry.needKinds.${kind}`) },
    { title: t('needs.provider'), dataIndex: 'provider', render: orDash },
    { title: t('needs.note'), dataIndex: 'note', render: orDash },
  ];

  return (
    <>
      <h2 className="section-title">{t('needs.surveysTitle')}</h2>
      {surveys.isError ? (
        <LoadError error={surveys.error} />
      ) : (
        <DataTable<NeedSurvey>
          label={t('needs.surveysTitle')}
          rowKey="id"
          size="small"
          columns={surveyColumns}
          dataSource={surveys.data}
          loading={surveys.isFetching}
          pagination={false}
          style={{ marginBottom: 16 }}
        />
      )}
      {mayWrite ? <SurveyForm person={person} /> : null}

      <h2 className="section-title">{t('needs.servicesTitle')}</h2>
      {services.isError ? (
        <LoadError error={services.error} />
      ) : (
        <DataTable<ServiceRecord>
          label={t('needs.servicesTitle')}
          rowKey="id"
          size="small"
          columns={serviceColumns}
          dataSource={services.data}
          loading={services.isFetching}
          pagination={services.data && services.data.length > 20 ? { pageSize: 20 } : false}
          style={{ marginBottom: 16 }}
        />
      )}
      {mayWrite ? <ServiceForm person={person} /> : null}
    </>
  );
}
