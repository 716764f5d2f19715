import { PERMISSIONS, type Role } from '@huican/core';
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/AuthProvider';
import { canOpen, SCREEN_ROLES } from '../../auth/permissions';
import { PageTitle } from '../../components/PageTitle';
import { regionLabel } from '../../lib/format';
import { Dashboard } from './Dashboard';

/** What the platform already does, each with its screen and who may open it. */
const AVAILABLE = [
  { key: 'registry', path: '/persons', roles: SCREEN_ROLES.persons },
  { key: 'applications', path: '/applications', roles: SCREEN_ROLES.applications },
  { key: 'overdue', path: '/applications/overdue', roles: SCREEN_ROLES.applications },
  { key: 'programs', path: '/programs', roles: SCREEN_ROLES.programs },
  { key: 'rehab', path: '/rehab', roles: SCREEN_ROLES.rehab },
  { key: 'institutions', path: '/institutions', roles: SCREEN_ROLES.institutions },
  { key: 'payments', path: '/payments', roles: PERMISSIONS['payments.read'] },
  { key: 'reports', path: '/reports', roles: SCREEN_ROLES.reports },
] as const satisfies readonly { key: string; path: string; roles: readonly Role[] }[];

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const available = AVAILABLE.filter((item) => canOpen(user.role, item.roles));
  return (
    <>
      <PageTitle title={t('home.title')} />
      <Card style={{ marginBottom: 24 }}>
        <Typography.Paragraph style={{ fontSize: 16, marginBottom: 4 }}>
          {t('home.welcome', { name: user.displayName })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('home.scope', {
            role: t(`roles.${user.role}`),
            region: regionLabel(user.regionCode, user.regionName, t('common.allRegions')),
          })}
        </Typography.Paragraph>
      </Card>
      {/* Institutions keep the plain list: their work is their placements, not the county's figures. */}
      {user.role === 'institution' ? null : <Dashboard />}
      {available.length > 0 ? (
        <section aria-labelledby="available-title" style={{ marginBottom: 24 }}>
          <h2 id="available-title" style={{ fontSize: 18, margin: '0 0 8px' }}>
            {t('home.availableTitle')}
          </h2>
          <Typography.Paragraph>{t('home.availableIntro')}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {available.map((item) => (
              <Col key={item.key} xs={24} md={12} xl={8}>
                <Card style={{ height: '100%' }}>
                  <h3 style={{ fontSize: 16, margin: '0 0 8px' }}>
                    <Link to={item.path}>{t(`home.${item.key}.title`)}</Link>
                  </h3>
                  <Typography.Paragraph style={{ marginBottom: 0 }}>{t(`home.${item.key}.text`)}</Typography.Paragraph>
                </Card>
              </Col>
            ))}
          </Row>
        </section>
      ) : null}
    </>
  );
}
