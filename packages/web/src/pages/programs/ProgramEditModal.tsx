import { PROGRAM_KINDS, PROGRAM_UNITS, type ProgramKind, type ProgramUnit } from '@huican/core';
import { useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ProgramChanges, type ProgramDetail, updateProgram } from '../../api/programs';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../lib/form-errors';
import { kindName, unitName } from './labels';

type Values = {
  nameZh: string;
  nameEn: string;
  kind: ProgramKind;
  unit: ProgramUnit;
  active: boolean;
  autoApproval: boolean;
  requiredDocuments: string[];
};

const FIELDS = ['nameZh', 'nameEn', 'kind', 'unit', 'active', 'autoApproval', 'requiredDocuments'] as const;

/** The catalogue entry of a programme (admin): names, kind, unit, active, 秒批, required documents. */
export function ProgramEditModal({
  program,
  open,
  onClose,
}: {
  program: ProgramDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const submission = useFormSubmit(form, FIELDS, {
    mutationFn: (values: Values) => {
      const changes: ProgramChanges = {
        nameZh: values.nameZh.trim(),
        nameEn: values.nameEn.trim(),
        kind: values.kind,
        unit: values.unit,
        active: values.active,
        autoApproval: values.autoApproval,
        requiredDocuments: values.requiredDocuments.map((d) => d.trim()).filter(Boolean),
      };
      return updateProgram(program.code, changes);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(['programs', 'detail', updated.code], updated);
      void queryClient.invalidateQueries({ queryKey: ['programs'] });
      void message.success(t('program.saved'));
      onClose();
    },
  });

  return (
    <FormModal<Values>
      open={open}
      title={t('program.editTitle', { name: program.name })}
      okText={t('common.save')}
      width={640}
      onClose={onClose}
      form={form}
      name="programEdit"
      initialValues={{
        nameZh: program.nameZh,
        nameEn: program.nameEn,
        kind: program.kind,
        unit: program.unit,
        active: program.active,
        autoApproval: program.autoApproval,
        requiredDocuments: program.requiredDocuments,
      }}
      onFinish={submission.submit}
      submission={submission}
    >
      <Form.Item
        name="nameZh"
        label={t('program.nameZh')}
        rules={[{ required: true, whitespace: true, message: t('program.nameRequired') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="nameEn"
        label={t('program.nameEn')}
        rules={[{ required: true, whitespace: true, message: t('program.nameRequired') }]}
      >
        <Input maxLength={200} lang="en" />
      </Form.Item>
      <Form.Item name="kind" label={t('programs.kind')}>
        <Select options={PROGRAM_KINDS.map((value) => ({ value, label: kindName(t, value) }))} />
      </Form.Item>
      <Form.Item name="unit" label={t('programs.unit')}>
        <Select options={PROGRAM_UNITS.map((value) => ({ value, label: unitName(t, value) }))} />
      </Form.Item>
      <Form.Item name="active" valuePropName="checked">
        <Checkbox>{t('program.activeLabel')}</Checkbox>
      </Form.Item>
      <Form.Item name="autoApproval" valuePropName="checked" extra={t('program.autoApprovalHint')}>
        <Checkbox>{t('program.autoApprovalLabel')}</Checkbox>
      </Form.Item>
      <Form.Item name="requiredDocuments" label={t('programs.requiredDocuments')} extra={t('program.documentsHint')}>
        <Select mode="tags" tokenSeparators={['\n']} open={false} suffixIcon={null} />
      </Form.Item>
    </FormModal>
  );
}
