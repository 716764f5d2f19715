import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  createInstitution,
  getInstitution,
  INSTITUTION_KINDS,
  type Institution,
  type InstitutionChanges,
  type InstitutionInput,
  type InstitutionKind,
  updateInstitution,
} from '../../api/institutions';
import { listPrograms } from '../../api/programs';
import { ButtonLink } from '../../components/ButtonLink';
import { PageLoading, PageTitle } from '../../components/PageTitle';
import { RegionPicker } from '../../components/RegionPicker';
import { useFormSubmit } from '../../lib/form-errors';
import { DATE_FORMAT } from '../persons/form-rules';

type Values = {
  name: string;
  kind: InstitutionKind;
  regionCode: string;
  address?: string;
  phone?: string;
  capacity?: number | null;
  programs: string[];
  agreementFrom?: Dayjs | null;
  agreementUntil?: Dayjs | null;
  active: boolean;
};

const FIELDS = [
  'name',
  'kind',
  'regionCode',
  'address',
  'phone',
  'capacity',
  'programs',
  'agreementFrom',
  'agreementUntil',
] as const;

const blankToNull = (value: string | undefined) => value?.trim() || null;

function toInput(values: Values): InstitutionInput {
  return {
    name: values.name.trim(),
    kind: values.kind,
    regionCode: values.regionCode,
    address: blankToNull(values.address),
    phone: blankToNull(values.phone),
    capacity: values.capacity ?? null,
    programs: values.programs ?? [],
    agreementFrom: values.agreementFrom?.format(DATE_FORMAT) ?? null,
    agreementUntil: values.agreementUntil?.format(DATE_FORMAT) ?? null,
  };
}

function InstitutionForm({ institution }: { institution?: Institution }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const programs = useQuery({ queryKey: ['programs', 'list'], queryFn: listPrograms });

  const save = useFormSubmit(form, FIELDS, {
    mutationFn: (values: Values) =>
      institution
        ? updateInstitution(institution.id, {
            ...toInput(values),
            active: values.active,
            version: institution.version,
          } satisfies InstitutionChanges)
        : createInstitution(toInput(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(['institutions', 'detail', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['institutions'] });
      void queryClient.invalidateQueries({ queryKey: ['programs'] });
      void message.success(t(institution ? 'institution.saved' : 'institution.created', { name: saved.name }));
      navigate(`/institutions/${encodeURIComponent(saved.id)}`);
    },
    fieldFor: (error) => (error.code === 'REGION_NOT_FOUND' ? 'regionCode' : undefined),
  });

  return (
    <Form<Values>
      form={form}
      name="institution"
      layout="vertical"
      className="form-page"
      initialValues={
        institution
          ? {
              name: institution.name,
              kind: institution.kind,
              regionCode: institution.regionCode,
              address: institution.address ?? '',
              phone: institution.phone ?? '',
              capacity: institution.capacity,
              programs: institution.programs,
              agreementFrom: institution.agreementFrom ? dayjs(institution.agreementFrom) : null,
              agreementUntil: institution.agreementUntil ? dayjs(institution.agreementUntil) : null,
              active: institution.active,
            }
          : { programs: [], active: true }
      }
      onFinish={save.submit}
      scrollToFirstError={{ focus: true }}
    >
      {save.error ? <Alert type="error" showIcon title={save.error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        name="name"
        label={t('institutions.name')}
        rules={[{ required: true, whitespace: true, message: t('institution.nameRequired') }]}
      >
        <Input maxLength={100} style={{ maxWidth: 420 }} />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('institutions.kind')}
        rules={[{ required: true, message: t('institution.kindRequired') }]}
      >
        <Select
          style={{ maxWidth: 240 }}
          options={INSTITUTION_KINDS.map((value) => ({ value, label: t(`institutions.kinds.${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('institutions.region')}
        rules={[{ required: true, message: t('institution.regionRequired') }]}
      >
        <RegionPicker style={{ maxWidth: 420 }} allowClear={false} />
      </Form.Item>
      <Form.Item name="address" label={t('institutions.address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="phone" label={t('institutions.phone')}>
        <Input maxLength={30} inputMode="tel" style={{ maxWidth: 240 }} />
      </Form.Item>
      <Form.Item name="capacity" label={t('institutions.capacityField')} extra={t('institution.capacityHint')}>
        <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="programs" label={t('institutions.programs')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          loading={programs.isLoading}
          options={(programs.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
        />
      </Form.Item>
      <Space wrap size={16}>
        <Form.Item name="agreementFrom" label={t('institution.agreementFrom')}>
          <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
        </Form.Item>
        <Form.Item
          name="agreementUntil"
          label={t('institution.agreementUntil')}
          dependencies={['agreementFrom']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, until: Dayjs | null | undefined) => {
                const from = getFieldValue('agreementFrom') as Dayjs | null | undefined;
                if (from && until?.isBefore(from, 'day')) throw new Error(t('institution.agreementOrder'));
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
        </Form.Item>
      </Space>
      {institution ? (
        <Form.Item name="active" valuePropName="checked">
          <Checkbox>{t('institution.activeLabel')}</Checkbox>
        </Form.Item>
      ) : null}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {institution ? t('common.save') : t('common.create')}
        </Button>
        <ButtonLink to={institution ? `/institutions/${encodeURIComponent(institution.id)}` : '/institutions'}>
          {t('common.cancel')}
        </ButtonLink>
      </Space>
    </Form>
  );
}

/** `/institutions/new` and `/institutions/:id/edit`. */
export function InstitutionFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const institution = useQuery({
    queryKey: ['institutions', 'detail', id],
    queryFn: () => getInstitution(id!),
    enabled: id !== undefined,
  });
  if (id === undefined) {
    return (
      <>
        <PageTitle title={t('institution.createTitle')} />
        <InstitutionForm />
      </>
    );
  }
  if (institution.isError) {
    return (
      <>
        <PageTitle title={t('institution.editTitle', { name: '' })} />
        <Alert type="error" showIcon title={t('errors.loadFailed', { message: institution.error.message })} />
      </>
    );
  }
  if (!institution.data) return <PageLoading />;
  return (
    <>
      <PageTitle title={t('institution.editTitle', { name: institution.data.name })} />
      <InstitutionForm key={institution.data.version} institution={institution.data} />
    </>
  );
}
