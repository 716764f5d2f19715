import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/** Why data could not be loaded; nothing without an error. */
export function LoadError({ error, style }: { error: Error | null | undefined; style?: CSSProperties }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" showIcon title={t('errors.loadFailed', { message: error.message })} style={style} />;
}
