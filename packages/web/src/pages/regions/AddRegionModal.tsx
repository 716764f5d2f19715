import type { RegionLevel } from '@huican/core';
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { createRegion } from '../../api/regions';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../lib/form-errors';

export type ParentRegion = { code: string; name: string; level: RegionLevel };

type Values = { code: string; name: string };

/** The part of a parent's code its children share: a county's first 6 digits, a township's first 9. */
const childPrefix = (parent: ParentRegion | null) =>
  parent === null ? '' : parent.level === 'county' ? parent.code.slice(0, 6) : parent.code.slice(0, 9);

type Props = { open: boolean; parent: ParentRegion | null; onClose: () => void };

/** Adds a region under `parent`, or a county when `parent` is null. */
export function AddRegionModal({ open, parent, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  const submission = useFormSubmit(form, ['code', 'name'], {
    mutationFn: (values: Values) =>
      createRegion({ code: values.code.trim(), name: values.name.trim(), parentCode: parent?.code ?? null }),
    onSuccess: (_, values) => {
      void message.success(t('regions.created', { name: values.name.trim() }));
      void queryClient.invalidateQueries({ queryKey: ['regions'] });
      onClose();
    },
  });

  return (
    <FormModal<Values>
      open={open}
      title={parent ? t('regions.addTitle', { parent: parent.name }) : t('regions.addCountyTitle')}
      okText={t('common.create')}
      onClose={onClose}
      form={form}
      name="addRegion"
      initialValues={{ code: childPrefix(parent) }}
      onFinish={submission.submit}
      submission={submission}
    >
      {parent ? (
        <Form.Item label={t('regions.parent')} htmlFor="add-region-parent">
          <Input id="add-region-parent" value={`${parent.name}（${parent.code}）`} readOnly variant="filled" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="code"
        label={t('regions.code')}
        extra={t('regions.codeHint')}
        rules={[
          { required: true, message: t('regions.codeRequired') },
          { pattern: /^\d{12}$/, message: t('regions.codePattern') },
        ]}
      >
        <Input inputMode="numeric" maxLength={12} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('regions.name')}
        rules={[{ required: true, whitespace: true, message: t('regions.nameRequired') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}
