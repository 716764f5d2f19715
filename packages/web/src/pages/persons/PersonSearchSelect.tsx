import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listPersons } from '../../api/persons';
import type { Person } from '../../api/types';

type Props = {
  value?: string;
  onChange?: (personId: string | undefined, person: Person | undefined) => void;
  id?: string;
  /** Persons not to offer (e.g. those already in the household). */
  exclude?: readonly string[];
  style?: React.CSSProperties;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
};

const SEARCH_DELAY_MS = 300;

/** Finds a person in the user's scope by name, pinyin initials, ID or certificate number, as the list's search. */
export function PersonSearchSelect({ value, onChange, exclude = [], style, ...rest }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input]);

  const results = useQuery({
    queryKey: ['persons', 'search', q],
    queryFn: ({ signal }) => listPersons({ q, page: 1, pageSize: 10 }, signal),
    enabled: q.length > 0,
  });
  const found = (results.data?.items ?? []).filter((person) => !exclude.includes(person.id));

  return (
    <Select<string>
      {...rest}
      value={value}
      style={{ minWidth: 320, ...style }}
      placeholder={t('household.memberPlaceholder')}
      allowClear
      showSearch={{ filterOption: false, onSearch: setInput }}
      notFoundContent={results.isFetching ? <Spin size="small" /> : q ? t('household.noMatch') : null}
      options={found.map((person) => ({
        value: person.id,
        label: [person.name, person.idNumber, person.regionName].filter(Boolean).join(' · '),
      }))}
      onChange={(personId) =>
        onChange?.(
          personId,
          found.find((person) => person.id === personId),
        )
      }
    />
  );
}
