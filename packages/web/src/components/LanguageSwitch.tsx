import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';

/** A button naming the other language in that language ("English" / "中文"), as people look for their own. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const target = currentLanguage() === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      icon={<GlobalOutlined aria-hidden />}
      lang={target === 'en-US' ? 'en' : 'zh-CN'}
      onClick={() => setLanguage(target)}
    >
      {target === 'en-US' ? t('language.enUS') : t('language.zhCN')}
    </Button>
  );
}
