import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  isRegionCode,
  PERSON_STATUSES,
  type PersonStatus,
} from '@huican/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  type TableColumnsType,
  type TablePaginationConfig,
} from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { listPersons, PERSON_SORTS, type PersonFilters, type PersonSortKey, personsExportUrl } from '../../api/persons';
import { CERTIFICATE_FILTERS, PERSON_FLAGS, type Person } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { ButtonLink } from '../../components/ButtonLink';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { PageTitle } from '../../components/PageTitle';
import { RegionPicker } from '../../components/RegionPicker';
import { SearchButtons } from '../../components/SearchButtons';
import { tablePagination, useListParams } from '../../lib/list-params';
import { CertificateStatusTag, categoryName, disabilityText, gradeName, orDash, PersonStatusTag } from './labels';

const FILTERS = [
  'q',
  'regionCode',
  'category',
  'grade',
  'status',
  'flag',
  'certStatus',
  'ageMin',
  'ageMax',
  'multiDisabledHousehold',
  'sort',
] as const;
type RawFilters = Partial<Record<(typeof FILTERS)[number], string | undefined>>;

/** The list's filters as the form holds them: an emptied age field is null. */
type FilterValues = Omit<PersonFilters, 'ageMin' | 'ageMax' | 'sort'> & {
  ageMin?: number | null;
  ageMax?: number | null;
};

const oneOf = <T extends string | number>(allowed: readonly T[], raw: string | undefined): T | undefined =>
  allowed.find((value) => String(value) === raw);

function intIn(raw: string | undefined, min: number, max: number): number | undefined {
  const value = Number(raw);
  return raw && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** The address's filters, dropping anything the server would refuse. */
function parseFilters(raw: RawFilters): PersonFilters {
  const sortKey = oneOf(PERSON_SORTS, raw.sort?.replace(/^-/, ''));
  return {
    q: raw.q || undefined,
    regionCode: isRegionCode(raw.regionCode) ? raw.regionCode : undefined,
    category: oneOf(DISABILITY_CATEGORIES, raw.category),
    grade: oneOf(DISABILITY_GRADES, raw.grade),
    status: oneOf(PERSON_STATUSES, raw.status),
    flag: oneOf(PERSON_FLAGS, raw.flag),
    certStatus: oneOf(CERTIFICATE_FILTERS, raw.certStatus),
    ageMin: intIn(raw.ageMin, 0, 150),
    ageMax: intIn(raw.ageMax, 0, 150),
    multiDisabledHousehold: raw.multiDisabledHousehold === 'true' ? true : undefined,
    sort: sortKey ? (raw.sort?.startsWith('-') ? `-${sortKey}` : sortKey) : undefined,
  };
}

const toFormValues = (f: PersonFilters): FilterValues => ({
  q: f.q,
  regionCode: f.regionCode,
  category: f.category,
  grade: f.grade,
  status: f.status,
  flag: f.flag,
  certStatus: f.certStatus,
  ageMin: f.ageMin ?? null,
  ageMax: f.ageMax ?? null,
  multiDisabledHousehold: f.multiDisabledHousehold ?? false,
});

const text = (value: string | number | boolean | null | undefined) =>
  value === undefined || value === null || value === false ? undefined : String(value);

export function PersonsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { page, pageSize, filters: raw, setPage, setFilters } = useListParams(FILTERS);
  const [form] = Form.useForm<FilterValues>();

  const filters = parseFilters(raw);
  const query = { ...filters, page, pageSize };
  const persons = useQuery({
    queryKey: ['persons', 'list', query],
    queryFn: ({ signal }) => listPersons(query, signal),
    placeholderData: keepPreviousData,
  });

  const filterKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for the filters' values
  useEffect(() => {
    form.setFieldsValue(toFormValues(filters));
  }, [form, filterKey]);

  const applyFilters = (values: FilterValues, sort: string | undefined = filters.sort) =>
    setFilters({
      q: values.q,
      regionCode: values.regionCode,
      category: text(values.category),
      grade: text(values.grade),
      status: values.status,
      flag: values.flag,
      certStatus: values.certStatus,
      ageMin: text(values.ageMin),
      ageMax: text(values.ageMax),
      multiDisabledHousehold: text(values.multiDisabledHousehold),
      sort,
    });

  const sortOrder = (key: PersonSortKey) =>
    filters.sort === key ? ('ascend' as const) : filters.sort === `-${key}` ? ('descend' as const) : null;
  const sortable = (key: PersonSortKey) => ({
    key,
    sorter: true,
    sortOrder: sortOrder(key),
    sortDirections: ['ascend' as const, 'descend' as const],
  });

  const columns: TableColumnsType<Person> = [
    {
      title: t('persons.name'),
      dataIndex: 'name',
      ...sortable('name'),
      render: (name: string, person) => (
        <Link to={`/persons/${encodeURIComponent(person.id)}`} aria-label={t('persons.openNamed', { name })}>
          {name}
        </Link>
      ),
    },
    {
      title: t('persons.gender'),
      dataIndex: 'gender',
      render: (gender: Person['gender']) => t(`registry.gender.${gender}`),
    },
    { title: t('persons.age'), dataIndex: 'age', align: 'right' },
    { title: t('persons.birthDate'), dataIndex: 'birthDate', ...sortable('birthDate') },
    {
      title: t('persons.idNumber'),
      dataIndex: 'idNumber',
      render: (id: string) => <span className="nowrap">{id}</span>,
    },
    {
      title: t('persons.disability'),
      key: 'disability',
      render: (_, person) => orDash(disabilityText(t, person.certificate?.category, person.certificate?.grade)),
    },
    {
      title: t('persons.certStatus'),
      key: 'certStatus',
      render: (_, person) => <CertificateStatusTag status={person.certificate?.status ?? 'none'} />,
    },
    {
      title: t('persons.validUntil'),
      ...sortable('validUntil'),
      render: (_, person) => orDash(person.certificate?.validUntil),
    },
    {
      title: t('persons.region'),
      ...sortable('regionCode'),
      render: (_, person) => person.regionName ?? person.regionCode,
    },
    {
      title: t('persons.status'),
      dataIndex: 'status',
      render: (status: PersonStatus) => <PersonStatusTag status={status} />,
    },
  ];

  const onTableChange = (
    _pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<Person> | SorterResult<Person>[],
    extra: { action: string },
  ) => {
    if (extra.action !== 'sort') return;
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = oneOf(PERSON_SORTS, typeof single?.columnKey === 'string' ? single.columnKey : undefined);
    const sort = key && single?.order ? (single.order === 'descend' ? `-${key}` : key) : undefined;
    applyFilters(toFormValues(filters), sort);
  };

  const exportUrl = personsExportUrl(filters);

  return (
    <>
      <PageTitle
        title={t('persons.title')}
        extra={
          <>
            {can(user.role, 'personsWrite') ? (
              <ButtonLink to="/persons/new" type="primary" icon={<PlusOutlined aria-hidden />}>
                {t('persons.create')}
              </ButtonLink>
            ) : null}
            {can(user.role, 'personsImport') ? (
              <ButtonLink to="/persons/import" icon={<UploadOutlined aria-hidden />}>
                {t('persons.import')}
              </ButtonLink>
            ) : null}
            {can(user.role, 'personsExport') ? (
              <Button href={exportUrl} download icon={<DownloadOutlined aria-hidden />}>
                {t('persons.export')}
              </Button>
            ) : null}
          </>
        }
      />
      <Form<FilterValues>
        form={form}
        name="personFilters"
        layout="inline"
        aria-label={t('persons.filtersLabel')}
        initialValues={toFormValues(filters)}
        onFinish={(values) => applyFilters(values)}
        style={{ marginBottom: 16, rowGap: 12 }}
      >
        <Form.Item name="q" label={t('persons.q')}>
          <Input allowClear placeholder={t('persons.qPlaceholder')} style={{ width: 340 }} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('persons.region')}>
          <RegionPicker style={{ width: 240 }} placeholder={t('common.allRegions')} />
        </Form.Item>
        <Form.Item name="category" label={t('persons.category')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={DISABILITY_CATEGORIES.map((value) => ({ value, label: categoryName(t, value) }))}
          />
        </Form.Item>
        <Form.Item name="grade" label={t('persons.grade')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={DISABILITY_GRADES.map((value) => ({ value, label: gradeName(t, value) }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('persons.status')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={PERSON_STATUSES.map((value) => ({ value, label: t(`registry.personStatus.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="flag" label={t('persons.flag')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 160 }}
            options={PERSON_FLAGS.map((value) => ({ value, label: t(`registry.flags.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="certStatus" label={t('persons.certStatus')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 140 }}
            options={CERTIFICATE_FILTERS.map((value) => ({ value, label: t(`registry.certStatus.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="ageMin" label={t('persons.ageMin')}>
          <InputNumber min={0} max={150} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="ageMax" label={t('persons.ageMax')}>
          <InputNumber min={0} max={150} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="multiDisabledHousehold" valuePropName="checked">
          <Checkbox>{t('persons.multiDisabledHousehold')}</Checkbox>
        </Form.Item>
        <SearchButtons
          onReset={() => {
            form.setFieldsValue(toFormValues({}));
            applyFilters({});
          }}
        />
      </Form>
      <LoadError error={persons.error} style={{ marginBottom: 16 }} />
      <DataTable<Person>
        label={t('persons.title')}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={persons.data?.items}
        loading={persons.isFetching}
        onChange={onTableChange}
        onRow={(person) => ({
          // The name is the keyboard's way in; a click anywhere else on the row does the same.
          onClick: (event) => {
            if ((event.target as HTMLElement).closest('a, button')) return;
            navigate(`/persons/${encodeURIComponent(person.id)}`);
          },
          style: { cursor: 'pointer' },
        })}
        pagination={tablePagination({ page, pageSize, total: persons.data?.total ?? 0, onChange: setPage, t })}
      />
    </>
  );
}
