import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { DISABILITY_CATEGORIES, DISABILITY_GRADES } from '@huican/core';
import { Button, Flex, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { categoryName, gradeName } from './labels';

const COMPONENT_CATEGORIES = DISABILITY_CATEGORIES.filter((category) => category !== 7);

/**
 * The parts of a multiple disability (category 7): at least two of categories 1–6, each with a grade. The list's
 * own errors (too few, or the server's `…components` message) show under it.
 */
export function ComponentsField({ name }: { name: string | (string | number)[] }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-fieldset">
      <legend>{t('certificate.components')}</legend>
      <Typography.Paragraph type="secondary">{t('certificate.componentsHint')}</Typography.Paragraph>
      <Form.List
        name={name}
        initialValue={[{}, {}]}
        rules={[
          {
            validator: async (_, value: unknown[] | undefined) => {
              if (!value || value.length < 2) throw new Error(t('certificate.componentsTooFew'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={12} align="flex-start" wrap>
                <Form.Item
                  name={[field.name, 'category']}
                  label={t('certificate.componentCategory', { index: index + 1 })}
                  rules={[{ required: true, message: t('certificate.categoryRequired') }]}
                >
                  <Select
                    style={{ width: 160 }}
                    options={COMPONENT_CATEGORIES.map((value) => ({ value, label: categoryName(t, value) }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'grade']}
                  label={t('certificate.componentGrade', { index: index + 1 })}
                  rules={[{ required: true, message: t('certificate.gradeRequired') }]}
                >
                  <Select
                    style={{ width: 120 }}
                    options={DISABILITY_GRADES.map((value) => ({ value, label: gradeName(t, value) }))}
                  />
                </Form.Item>
                {/* Level with the selects below their labels. */}
                <Form.Item style={{ paddingTop: 30 }}>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined aria-hidden />}
                    aria-label={t('certificate.removeComponent', { index: index + 1 })}
                    title={t('certificate.removeComponent', { index: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Form.Item>
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            {fields.length < 6 ? (
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                {t('certificate.addComponent')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
