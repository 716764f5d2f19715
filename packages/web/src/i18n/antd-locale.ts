import type { Locale } from 'antd/es/locale';
// The ES module builds: `antd/locale/*` is CommonJS and reaches the bundle wrapped as `{ default }`.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { Language } from '.';

/*
 * The date picker's year and month buttons show "2026年" but are labelled "选择年份", which fails axe's
 * label-content-name-mismatch. Without the label, the visible text names them.
 */
function withNamedPickerButtons(locale: Locale): Locale {
  const datePicker = locale.DatePicker;
  if (!datePicker) throw new Error('antd locale without DatePicker texts');
  return {
    ...locale,
    DatePicker: {
      ...datePicker,
      lang: { ...datePicker.lang, yearSelect: '', monthSelect: '', decadeSelect: '' },
    },
  };
}

export const ANTD_LOCALES: Record<Language, Locale> = {
  'zh-CN': withNamedPickerButtons(zhCN),
  'en-US': withNamedPickerButtons(enUS),
};
