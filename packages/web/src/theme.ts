import type { ThemeConfig } from 'antd';

/*
 * The one place for colours. Every text colour below was chosen for a contrast of at least 4.5:1 (WCAG AA) on
 * white and on antd's light tinted backgrounds, because Ant Design's defaults (#1677ff with white text, 45% and
 * 25% black for secondary and placeholder text) fail axe's color-contrast rule.
 */
const primary = '#0958d9'; // 6.2:1 with white; 5.5:1 on the selected-menu tint
const text = '#1f1f1f';
const textSecondary = '#595959'; // 7.0:1 on white
const textMuted = '#6b6b6b'; // 5.3:1 on white, 4.9:1 on the disabled-field grey

export const theme: ThemeConfig = {
  token: {
    colorPrimary: primary,
    // antd derives a lighter hover blue (~4.3:1): a hovered or focused default button's text would fail.
    colorPrimaryHover: '#003eb3', // 8.9:1 on white
    colorPrimaryActive: '#002c8c',
    colorPrimaryTextHover: '#003eb3',
    colorPrimaryTextActive: '#002c8c',
    colorErrorHover: '#a8071a',
    colorInfo: primary,
    colorLink: primary,
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorSuccess: '#237804', // 5.4:1 on its tag tint
    colorWarning: '#ad4e00', // 5.2:1 on its tag tint
    colorError: '#cf1322', // 5.6:1 on white, 5.1:1 on its alert tint
    colorText: text,
    colorTextHeading: text,
    colorTextSecondary: textSecondary,
    colorTextTertiary: textSecondary,
    colorTextDescription: textSecondary,
    colorTextLabel: text,
    colorTextQuaternary: textMuted,
    colorTextPlaceholder: textMuted,
    colorTextDisabled: textMuted,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      siderBg: '#ffffff',
      bodyBg: '#f5f5f5',
      headerPadding: '0 24px',
    },
    Menu: {
      itemColor: text,
      itemHoverColor: text,
      itemSelectedColor: primary,
      itemSelectedBg: '#e6f4ff', // primary on this tint: 5.5:1
      groupTitleColor: textSecondary,
    },
    Table: {
      headerColor: text,
    },
  },
};
