import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can, type Screen } from '../../auth/permissions';
import { PageTitle } from '../../components/PageTitle';
import { regionLabel } from '../../lib/format';

/** What the platform already does, each with its screen and who may open it. */
const AVAILABLE = [
  { key: 'registry', path: '/persons', screen: 'persons' },
  { key: 'applications', path: '/applications', screen: 'applications' },
  { key: 'overdue', path: '/applications/overdue', screen: 'applications' },
  { key: 'programs', path: '/programs', screen: 'programs' },
  { key: 'rehab', path: '/rehab', screen: 'rehab' },
  { key: 'institutions', path: '/institutions', screen: 'institutions' },
] as const satisfies readonly { key: string; path: string; screen: Screen }[];

const COMING = ['payments', 'reports'] as const;

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const available = AVAILABLE.filter((item) => can(user.role, item.screen));
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
      <section aria-labelledby="coming-title">
        <h2 id="coming-title" style={{ fontSize: 18, margin: '0 0 8px' }}>
          {t('home.comingTitle')}
        </h2>
        <Typography.Paragraph>{t('home.comingIntro')}</Typography.Paragraph>
        <Row gutter={[16, 16]}>
          {COMING.map((capability) => (
            <Col key={capability} xs={24} md={12} xl={8}>
              <Card style={{ height: '100%' }}>
                <h3 style={{ fontSize: 16, margin: '0 0 8px' }}>{t(`home.${capability}.title`)}</h3>
                <Typography.Paragraph style={{ marginBottom: 0 }}>{t(`home.${capability}.text`)}</Typography.Paragraph>
              </Card>
            </Col>
          ))}
        </Row>
      </section>
    </>
  );
}
