import { Form, type FormInstance, type FormProps, Select, type SelectProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchButtons } from './SearchButtons';

type FilterFormProps<V> = Omit<FormProps<V>, 'form' | 'layout' | 'style' | 'aria-label' | 'children'> & {
  form: FormInstance<V>;
  /** The form's accessible name. */
  label: string;
  /** After Reset has put the fields back: clear the list's filters (and whatever else goes with them). */
  onReset: () => void;
  children: ReactNode;
};

/** A list's filter form: its fields on one line, then Search and Reset. */
export function FilterForm<V>({ form, label, onReset, children, ...props }: FilterFormProps<V>) {
  return (
    <Form<V> form={form} layout="inline" aria-label={label} style={{ marginBottom: 16, rowGap: 12 }} {...props}>
      {children}
      <SearchButtons
        onReset={() => {
          form.resetFields();
          onReset();
        }}
      />
    </Form>
  );
}

type FilterSelectProps<V extends string> = Omit<SelectProps, 'options'> & {
  /** The values to choose from, each shown as `labelOf(value)`; or `options` as they are. */
  values?: readonly V[];
  labelOf?: (value: V) => string;
  options?: SelectProps['options'];
};

/** A filter's drop-down: clearable, "all" when empty. */
export function FilterSelect<V extends string>({ values, labelOf, options, ...props }: FilterSelectProps<V>) {
  const { t } = useTranslation();
  return (
    <Select
      allowClear
      placeholder={t('common.all')}
      options={values ? values.map((value) => ({ value, label: labelOf ? labelOf(value) : value })) : options}
      {...props}
    />
  );
}
