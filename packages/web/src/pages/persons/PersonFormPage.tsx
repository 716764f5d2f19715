import {
  ageOn,
  checkIdNumber,
  type DisabilityComponent,
  normalizeIdNumber,
  parseIdNumber,
  regionLevel,
  todayInChina,
} from '@huican/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import {
  createPerson,
  type GuardianInput,
  getPerson,
  type NewPerson,
  type PersonChanges,
  updatePerson,
} from '../../api/persons';
import { PERSON_FLAGS, type Person, type PersonFlags } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { ButtonLink } from '../../components/ButtonLink';
import { PageLoading, PageTitle } from '../../components/PageTitle';
import { RegionPicker } from '../../components/RegionPicker';
import { showServerErrors } from '../../lib/form-errors';
import { ComponentsField } from './ComponentsField';
import {
  CertificateNumberHint,
  certificateNumberRule,
  isMultipleCertificate,
  normalizedCertificate,
} from './certificate-number';
import { DATE_FORMAT, regionRule } from './form-rules';

type FormValues = {
  name: string;
  idNumber?: string;
  regionCode?: string;
  phone?: string;
  address?: string;
  flags: PersonFlags;
  hasGuardian: boolean;
  guardian?: { name: string; relation: string; phone?: string; idNumber?: string };
  withCertificate: boolean;
  certificate?: { number: string; issuedOn: Dayjs; components?: DisabilityComponent[] };
};

/** The server's field keys this form can show next to a field. */
const FIELDS = [
  'name',
  'idNumber',
  'regionCode',
  'phone',
  'address',
  'guardian.name',
  'guardian.relation',
  'guardian.phone',
  'guardian.idNumber',
  'certificate.number',
  'certificate.issuedOn',
  'certificate.components',
] as const;

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

function guardianInput(values: FormValues): GuardianInput | null {
  if (!values.hasGuardian || !values.guardian) return null;
  return {
    name: values.guardian.name.trim(),
    relation: values.guardian.relation.trim(),
    phone: blankToNull(values.guardian.phone),
    idNumber: blankToNull(values.guardian.idNumber),
  };
}

const sameGuardian = (a: GuardianInput | null, b: Person['guardian']) =>
  JSON.stringify(a && [a.name, a.relation, a.phone ?? null, a.idNumber ?? null]) ===
  JSON.stringify(b && [b.name, b.relation, b.phone ?? null, b.idNumber ?? null]);

/** Only what was changed: an unchanged masked phone (138****5678) must not go back to the server. */
function changesOf(person: Person, values: FormValues): PersonChanges | null {
  const changes: PersonChanges = { version: person.version };
  const name = values.name.trim();
  if (name !== person.name) changes.name = name;
  if (values.regionCode && values.regionCode !== person.regionCode) changes.regionCode = values.regionCode;
  const phone = blankToNull(values.phone);
  if (phone !== (person.phone ?? null)) changes.phone = phone;
  const address = blankToNull(values.address);
  if (address !== (person.address ?? null)) changes.address = address;
  if (PERSON_FLAGS.some((flag) => Boolean(values.flags[flag]) !== person.flags[flag])) {
    changes.flags = Object.fromEntries(PERSON_FLAGS.map((flag) => [flag, Boolean(values.flags[flag])]));
  }
  const guardian = guardianInput(values);
  if (!sameGuardian(guardian, person.guardian)) changes.guardian = guardian;
  return Object.keys(changes).length > 1 ? changes : null;
}

function initialValues(person: Person | undefined, userRegion: string): Partial<FormValues> {
  if (!person) {
    const level = regionLevel(userRegion);
    return {
      // A township or village officer registers people of their own place, usually.
      regionCode: level === 'township' || level === 'village' ? userRegion : undefined,
      flags: { lowIncome: false, extremePoverty: false, povertyMonitored: false },
      hasGuardian: false,
      withCertificate: false,
    };
  }
  return {
    name: person.name,
    regionCode: person.regionCode,
    phone: person.phone ?? '',
    address: person.address ?? '',
    flags: person.flags,
    hasGuardian: person.guardian !== null,
    guardian: person.guardian
      ? {
          name: person.guardian.name,
          relation: person.guardian.relation,
          phone: person.guardian.phone ?? '',
          idNumber: person.guardian.idNumber ?? '',
        }
      : undefined,
    withCertificate: false,
  };
}

/** Gender, birth date and age read from a valid ID number, or null. */
function derivedFromId(t: TFunction, idNumber: string | undefined): string | null {
  const normalized = normalizeIdNumber(idNumber ?? '');
  if (!normalized || checkIdNumber(normalized) !== null) return null;
  const { gender, birthDate } = parseIdNumber(normalized);
  const age = ageOn(birthDate, todayInChina());
  return t('personForm.derived', { gender: t(`registry.gender.${gender}`), birthDate, age });
}

function PersonForm({ person, onReload }: { person?: Person; onReload?: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const editing = person !== undefined;

  const idNumber = Form.useWatch('idNumber', form);
  const derived = derivedFromId(t, idNumber);
  const hasGuardian = Form.useWatch('hasGuardian', form);
  const withCertificate = Form.useWatch('withCertificate', form);
  const certificateNumber = Form.useWatch(['certificate', 'number'], form);

  const onError = (error: Error) => {
    if (error instanceof ApiError && error.code === 'STALE_VERSION') {
      setStale(true);
      return;
    }
    if (error instanceof ApiError && error.code === 'DUPLICATE_PERSON' && !editing) {
      form.setFields([{ name: 'idNumber', errors: [error.message] }]);
      return;
    }
    if (error instanceof ApiError && error.code === 'DUPLICATE_CERTIFICATE') {
      form.setFields([{ name: ['certificate', 'number'], errors: [error.message] }]);
      return;
    }
    if (error instanceof ApiError && error.status === 404 && Object.keys(error.fields).length === 0) {
      // A region outside the user's scope answers 404.
      form.setFields([{ name: 'regionCode', errors: [error.message] }]);
      return;
    }
    setFormError(showServerErrors(form, error, FIELDS));
  };

  const create = useMutation({
    mutationFn: createPerson,
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void message.success(t('personForm.created', { name: created.name }));
      navigate(`/persons/${encodeURIComponent(created.id)}`);
    },
    onError,
  });

  const update = useMutation({
    mutationFn: (changes: PersonChanges) => updatePerson(person!.id, changes),
    onSuccess: (updated) => {
      queryClient.setQueryData(['persons', 'detail', updated.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void message.success(t('personForm.saved'));
      navigate(`/persons/${encodeURIComponent(updated.id)}`);
    },
    onError,
  });

  const onFinish = (values: FormValues) => {
    setFormError(null);
    setStale(false);
    if (person) {
      const changes = changesOf(person, values);
      if (!changes) {
        void message.info(t('personForm.noChanges'));
        return;
      }
      update.mutate(changes);
      return;
    }
    const body: NewPerson = {
      name: values.name.trim(),
      idNumber: normalizeIdNumber(values.idNumber ?? ''),
      regionCode: values.regionCode!,
      phone: blankToNull(values.phone),
      address: blankToNull(values.address),
      flags: values.flags,
      guardian: guardianInput(values),
    };
    if (values.withCertificate && values.certificate) {
      const number = normalizedCertificate(values.certificate.number);
      body.certificate = {
        number,
        issuedOn: values.certificate.issuedOn.format(DATE_FORMAT),
        ...(isMultipleCertificate(number) ? { components: values.certificate.components ?? [] } : {}),
      };
    }
    create.mutate(body);
  };

  const cancelTo = person ? `/persons/${encodeURIComponent(person.id)}` : '/persons';
  const masked = person?.masked ?? false;

  return (
    <Form<FormValues>
      form={form}
      name="person"
      layout="vertical"
      className="form-page"
      initialValues={initialValues(person, user.regionCode)}
      onFinish={onFinish}
      scrollToFirstError={{ focus: true }}
    >
      {stale ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('personForm.stale')}
          action={
            <Button
              size="small"
              onClick={async () => {
                // A newer version remounts the form (its key); the same version still drops the edits made.
                await onReload?.();
                setStale(false);
                setFormError(null);
                form.resetFields();
              }}
            >
              {t('personForm.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}

      <h2 className="section-title">{t('personForm.basicSection')}</h2>
      <Form.Item
        name="name"
        label={t('person.name')}
        rules={[{ required: true, whitespace: true, message: t('personForm.nameRequired') }]}
      >
        <Input autoComplete="off" maxLength={50} style={{ maxWidth: 320 }} />
      </Form.Item>
      {person ? (
        <Form.Item
          label={t('person.idNumber')}
          htmlFor="person_idNumber_fixed"
          extra={
            <>
              {t('personForm.idNumberFixed')}{' '}
              {t('personForm.derived', {
                gender: t(`registry.gender.${person.gender}`),
                birthDate: person.birthDate,
                age: person.age,
              })}
            </>
          }
        >
          <Input id="person_idNumber_fixed" value={person.idNumber} readOnly style={{ maxWidth: 320 }} />
        </Form.Item>
      ) : (
        <Form.Item
          name="idNumber"
          label={t('person.idNumber')}
          validateDebounce={300}
          extra={derived ?? undefined}
          rules={[
            { required: true, whitespace: true, message: t('personForm.idNumberRequired') },
            {
              validator: async (_, value: string | undefined) => {
                if (!value?.trim()) return;
                const problem = checkIdNumber(normalizeIdNumber(value));
                if (problem) throw new Error(t(`personForm.idProblem.${problem}`));
              },
            },
          ]}
        >
          <Input autoComplete="off" maxLength={22} style={{ maxWidth: 320 }} />
        </Form.Item>
      )}
      <Form.Item
        name="regionCode"
        label={t('person.region')}
        extra={t('personForm.regionHint')}
        rules={[{ required: true, message: t('personForm.regionRequired') }, regionRule(t)]}
      >
        <RegionPicker style={{ maxWidth: 420 }} allowClear={false} />
      </Form.Item>
      <Form.Item name="phone" label={t('person.phone')} extra={masked ? t('personForm.maskedHint') : undefined}>
        <Input autoComplete="off" inputMode="tel" maxLength={30} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="address" label={t('person.address')}>
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('personForm.flagsLegend')}</legend>
        <Space wrap size={16}>
          {PERSON_FLAGS.map((flag) => (
            <Form.Item key={flag} name={['flags', flag]} valuePropName="checked" noStyle>
              <Checkbox>{t(`registry.flags.${flag}`)}</Checkbox>
            </Form.Item>
          ))}
        </Space>
      </fieldset>

      <h2 className="section-title">{t('personForm.guardianSection')}</h2>
      <Form.Item name="hasGuardian" valuePropName="checked">
        <Checkbox>{t('personForm.hasGuardian')}</Checkbox>
      </Form.Item>
      {hasGuardian ? (
        <>
          <Form.Item
            name={['guardian', 'name']}
            label={t('person.guardianName')}
            rules={[{ required: true, whitespace: true, message: t('personForm.guardianNameRequired') }]}
          >
            <Input autoComplete="off" maxLength={50} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item
            name={['guardian', 'relation']}
            label={t('person.guardianRelation')}
            rules={[{ required: true, whitespace: true, message: t('personForm.guardianRelationRequired') }]}
          >
            <Input autoComplete="off" maxLength={20} style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item
            name={['guardian', 'phone']}
            label={t('person.guardianPhone')}
            extra={masked ? t('personForm.maskedHint') : undefined}
          >
            <Input autoComplete="off" inputMode="tel" maxLength={30} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item
            name={['guardian', 'idNumber']}
            label={t('person.guardianIdNumber')}
            extra={masked ? t('personForm.maskedHint') : undefined}
          >
            <Input autoComplete="off" maxLength={20} style={{ maxWidth: 320 }} />
          </Form.Item>
        </>
      ) : null}

      {editing ? null : (
        <>
          <h2 className="section-title">{t('personForm.certificateSection')}</h2>
          <Form.Item name="withCertificate" valuePropName="checked">
            <Checkbox>{t('personForm.withCertificate')}</Checkbox>
          </Form.Item>
          {withCertificate ? (
            <>
              <Form.Item
                name={['certificate', 'number']}
                label={t('certificate.number')}
                dependencies={['idNumber']}
                validateDebounce={300}
                extra={<CertificateNumberHint number={certificateNumber} />}
                rules={[
                  { required: true, whitespace: true, message: t('certificate.numberRequired') },
                  certificateNumberRule(t, () => normalizeIdNumber(form.getFieldValue('idNumber') ?? '')),
                ]}
              >
                <Input autoComplete="off" maxLength={24} style={{ maxWidth: 320 }} />
              </Form.Item>
              <Form.Item
                name={['certificate', 'issuedOn']}
                label={t('certificate.issuedOn')}
                rules={[{ required: true, message: t('certificate.issuedOnRequired') }]}
              >
                <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
              </Form.Item>
              {isMultipleCertificate(normalizedCertificate(certificateNumber ?? '')) ? (
                <ComponentsField name={['certificate', 'components']} />
              ) : null}
            </>
          ) : null}
        </>
      )}

      <Space style={{ marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          {editing ? t('common.save') : t('personForm.submitCreate')}
        </Button>
        <ButtonLink to={cancelTo}>{t('common.cancel')}</ButtonLink>
      </Space>
    </Form>
  );
}

/** `/persons/new` and `/persons/:id/edit`. */
export function PersonFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const person = useQuery({
    queryKey: ['persons', 'detail', id],
    queryFn: () => getPerson(id!),
    enabled: id !== undefined,
  });

  if (id === undefined) {
    return (
      <>
        <PageTitle title={t('personForm.createTitle')} />
        <PersonForm />
      </>
    );
  }
  if (person.isError) {
    return (
      <>
        <PageTitle title={t('personForm.editTitle', { name: '' })} />
        <Alert type="error" showIcon title={t('person.loadFailed', { message: person.error.message })} />
      </>
    );
  }
  if (!person.data) {
    return <PageLoading />;
  }
  return (
    <>
      <PageTitle title={t('personForm.editTitle', { name: person.data.name })} />
      {/* A reload after a conflict brings a new version: start the form again from it. */}
      <PersonForm key={person.data.version} person={person.data} onReload={() => person.refetch()} />
    </>
  );
}
