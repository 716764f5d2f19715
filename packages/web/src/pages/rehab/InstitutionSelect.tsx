import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { listInstitutions } from '../../api/institutions';

export type InstitutionOption = { id: string; name: string };

/** The active institutions in scope designated for precise rehabilitation (精准康复). */
export function useRehabInstitutions(enabled: boolean): InstitutionOption[] {
  const institutions = useQuery({
    queryKey: ['institutions', 'designated', 'precise_rehab'],
    queryFn: () => listInstitutions({ programCode: 'precise_rehab', active: 'true', page: 1, pageSize: 200 }),
    enabled,
  });
  return (institutions.data?.items ?? []).map(({ id, name }) => ({ id, name }));
}

type Props = {
  institutions: InstitutionOption[];
  /** From Form.Item. */
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
};

/** One of the designated institutions, or none. */
export function InstitutionSelect({ institutions, ...props }: Props) {
  return (
    <Select
      {...props}
      allowClear
      style={{ width: 280 }}
      options={institutions.map((institution) => ({ value: institution.id, label: institution.name }))}
    />
  );
}
