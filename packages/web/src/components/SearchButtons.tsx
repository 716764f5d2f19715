import { Button, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The Search (submit) and Reset buttons at the end of a list's filter form. */
export function SearchButtons({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button onClick={onReset}>{t('common.reset')}</Button>
      </Space>
    </Form.Item>
  );
}
