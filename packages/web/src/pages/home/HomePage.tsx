import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/AuthProvider';
import { PageTitle } from '../../components/PageTitle';
import { regionLabel } from '../../lib/format';

const CAPABILITIES = ['registry', 'programs', 'payments', 'reports'] as const;

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
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
      <section aria-labelledby="coming-title">
        <h2 id="coming-title" style={{ fontSize: 18, margin: '0 0 8px' }}>
          {t('home.comingTitle')}
        </h2>
        <Typography.Paragraph>{t('home.comingIntro')}</Typography.Paragraph>
        <Row gutter={[16, 16]}>
          {CAPABILITIES.map((capability) => (
            <Col key={capability} xs={24} md={12} xl={6}>
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
