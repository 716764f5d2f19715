import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Input, type TableColumnsType, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  INSTITUTION_KINDS,
  type Institution,
  type InstitutionFilters,
  type InstitutionKind,
  listInstitutions,
} from '../../api/institutions';
import { listPrograms } from '../../api/programs';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { ButtonLink } from '../../components/ButtonLink';
import { FilterForm, FilterSelect } from '../../components/FilterForm';
import { PagedTable } from '../../components/PagedTable';
import { PageTitle } from '../../components/PageTitle';
import { useListParams } from '../../lib/list-params';
import { agreementText, capacityText, useProgramNames } from './labels';

const FILTERS = ['q', 'programCode', 'kind', 'active'] as const;

/** 定点机构: the designated institutions of the user's scope. */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { page, pageSize, filters: raw, setPage, setFilters } = useListParams(FILTERS);
  const [form] = Form.useForm<InstitutionFilters>();
  const programs = useQuery({ queryKey: ['programs', 'list'], queryFn: listPrograms });
  const programNames = useProgramNames();

  const filters: InstitutionFilters = {
    q: raw.q || undefined,
    programCode: raw.programCode || undefined,
    kind: (INSTITUTION_KINDS as readonly string[]).includes(raw.kind ?? '') ? (raw.kind as InstitutionKind) : undefined,
    active: raw.active === 'true' || raw.active === 'false' ? raw.active : undefined,
  };
  const query = { ...filters, page, pageSize };
  const institutions = useQuery({
    queryKey: ['institutions', 'list', query],
    queryFn: () => listInstitutions(query),
    placeholderData: keepPreviousData,
  });

  const filterKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for the filters' values
  useEffect(() => {
    form.setFieldsValue(filters);
  }, [form, filterKey]);

  const columns: TableColumnsType<Institution> = [
    {
      title: t('institutions.name'),
      dataIndex: 'name',
      render: (name: string, institution) => (
        <Link
          to={`/institutions/${encodeURIComponent(institution.id)}`}
          aria-label={t('institutions.openNamed', { name })}
        >
          {name}
        </Link>
      ),
    },
    {
      title: t('institutions.kind'),
      dataIndex: 'kind',
      render: (kind: InstitutionKind) => t(`institutions.kinds.${kind}`),
    },
    { title: t('institutions.region'), key: 'region', render: (_, i) => i.regionName ?? i.regionCode },
    { title: t('institutions.capacity'), key: 'capacity', render: (_, i) => capacityText(t, i) },
    { title: t('institutions.programs'), key: 'programs', render: (_, i) => programNames(i.programs) },
    { title: t('institutions.agreement'), key: 'agreement', render: (_, i) => agreementText(t, i) },
    {
      title: t('institutions.status'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? (
          <Tag color="success" variant="solid">
            {t('institutions.active')}
          </Tag>
        ) : (
          <Tag>{t('institutions.inactive')}</Tag>
        ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('institutions.title')}
        extra={
          can(user.role, 'institutionsWrite') ? (
            <ButtonLink to="/institutions/new" type="primary" icon={<PlusOutlined aria-hidden />}>
              {t('institutions.create')}
            </ButtonLink>
          ) : null
        }
      />
      <FilterForm<InstitutionFilters>
        form={form}
        name="institutionFilters"
        label={t('institutions.filtersLabel')}
        initialValues={filters}
        onFinish={(values) => setFilters(values)}
        onReset={() => setFilters({})}
      >
        <Form.Item name="q" label={t('institutions.q')}>
          <Input allowClear placeholder={t('institutions.qPlaceholder')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="programCode" label={t('institutions.program')}>
          <FilterSelect
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            options={(programs.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('institutions.kind')}>
          <FilterSelect
            style={{ width: 160 }}
            values={INSTITUTION_KINDS}
            labelOf={(value) => t(`institutions.kinds.${value}`)}
          />
        </Form.Item>
        <Form.Item name="active" label={t('institutions.status')}>
          <FilterSelect
            style={{ width: 120 }}
            options={[
              { value: 'true', label: t('institutions.active') },
              { value: 'false', label: t('institutions.inactive') },
            ]}
          />
        </Form.Item>
      </FilterForm>
      <PagedTable<Institution>
        label={t('institutions.title')}
        rowKey="id"
        size="middle"
        columns={columns}
        result={institutions}
        paging={{ page, pageSize, setPage }}
      />
    </>
  );
}
