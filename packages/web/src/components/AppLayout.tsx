import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  ClockCircleOutlined,
  DownOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FormOutlined,
  FundOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  MedicineBoxOutlined,
  PayCircleOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { PERMISSIONS, type Role } from '@huican/core';
import { Button, Dropdown, Layout, Menu, type MenuProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useCurrentUser } from '../auth/AuthProvider';
import { canOpen, SCREEN_ROLES } from '../auth/permissions';
import { currentLanguage, setLanguage } from '../i18n';
import { regionLabel } from '../lib/format';
import { ChangePasswordModal } from './ChangePasswordModal';

type NavItem = {
  path: string;
  labelKey:
    | 'nav.home'
    | 'nav.users'
    | 'nav.regions'
    | 'nav.audit'
    | 'nav.persons'
    | 'nav.expiring'
    | 'nav.surveys'
    | 'nav.programs'
    | 'nav.applications'
    | 'nav.overdue'
    | 'nav.institutions'
    | 'nav.rehab'
    | 'nav.payments'
    | 'nav.budgets'
    | 'nav.reports';
  icon: React.ReactNode;
  roles?: readonly Role[];
};

const NAV_ITEMS: NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined aria-hidden /> },
  { path: '/persons', labelKey: 'nav.persons', icon: <IdcardOutlined aria-hidden />, roles: SCREEN_ROLES.persons },
  {
    path: '/certificates/expiring',
    labelKey: 'nav.expiring',
    icon: <FieldTimeOutlined aria-hidden />,
    roles: SCREEN_ROLES.expiringCertificates,
  },
  { path: '/surveys', labelKey: 'nav.surveys', icon: <FormOutlined aria-hidden />, roles: SCREEN_ROLES.surveys },
  {
    path: '/applications',
    labelKey: 'nav.applications',
    icon: <FileDoneOutlined aria-hidden />,
    roles: SCREEN_ROLES.applications,
  },
  {
    path: '/applications/overdue',
    labelKey: 'nav.overdue',
    icon: <ClockCircleOutlined aria-hidden />,
    roles: SCREEN_ROLES.applications,
  },
  { path: '/rehab', labelKey: 'nav.rehab', icon: <MedicineBoxOutlined aria-hidden />, roles: SCREEN_ROLES.rehab },
  { path: '/programs', labelKey: 'nav.programs', icon: <AppstoreOutlined aria-hidden />, roles: SCREEN_ROLES.programs },
  {
    path: '/institutions',
    labelKey: 'nav.institutions',
    icon: <BankOutlined aria-hidden />,
    roles: SCREEN_ROLES.institutions,
  },
  {
    path: '/payments',
    labelKey: 'nav.payments',
    icon: <PayCircleOutlined aria-hidden />,
    roles: PERMISSIONS['payments.read'],
  },
  {
    path: '/payments/budgets',
    labelKey: 'nav.budgets',
    icon: <FundOutlined aria-hidden />,
    roles: PERMISSIONS['payments.read'],
  },
  { path: '/reports', labelKey: 'nav.reports', icon: <BarChartOutlined aria-hidden />, roles: SCREEN_ROLES.reports },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined aria-hidden />, roles: SCREEN_ROLES.users },
  { path: '/regions', labelKey: 'nav.regions', icon: <ApartmentOutlined aria-hidden /> },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined aria-hidden />, roles: SCREEN_ROLES.audit },
];

/**
 * The menu entry that owns the current address: "/users/42" belongs to "/users", and the longest path wins
 * ("/applications/overdue" is its own entry, "/applications/42" belongs to "/applications").
 */
function selectedPath(pathname: string): string {
  const matches = NAV_ITEMS.filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '';
}

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [changingPassword, setChangingPassword] = useState(false);

  const menuItems: MenuProps['items'] = NAV_ITEMS.filter((item) => !item.roles || canOpen(user.role, item.roles)).map(
    (item) => ({ key: item.path, icon: item.icon, label: t(item.labelKey) }),
  );

  const otherLanguage = currentLanguage() === 'zh-CN' ? 'en-US' : 'zh-CN';
  const userMenu: MenuProps = {
    items: [
      { key: 'password', label: t('userMenu.changePassword') },
      {
        key: 'language',
        icon: <GlobalOutlined aria-hidden />,
        // Named in the language it switches to, as people look for their own language.
        label:
          otherLanguage === 'en-US' ? (
            <span lang="en">{t('language.enUS')}</span>
          ) : (
            <span lang="zh-CN">{t('language.zhCN')}</span>
          ),
      },
      { type: 'divider' },
      { key: 'signOut', label: t('userMenu.signOut') },
    ],
    onClick: ({ key }) => {
      if (key === 'password') setChangingPassword(true);
      if (key === 'language') setLanguage(otherLanguage);
      if (key === 'signOut') void signOut();
    },
  };

  const region = regionLabel(user.regionCode, user.regionName, t('common.allRegions'));

  return (
    <Layout style={{ minHeight: '100%' }}>
      <a className="skip-link" href="#main">
        {t('common.skipToMain')}
      </a>
      <Layout.Sider width={220} theme="light">
        <div className="sider-brand">{t('app.name')}</div>
        <nav aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            selectedKeys={[selectedPath(location.pathname)]}
            items={menuItems}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button type="text">
              <UserOutlined aria-hidden />
              <span>{user.displayName}</span>
              <Typography.Text type="secondary">
                {t(`roles.${user.role}`)} · {region}
              </Typography.Text>
              <DownOutlined aria-hidden />
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}
