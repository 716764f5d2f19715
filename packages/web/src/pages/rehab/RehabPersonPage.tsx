import { ArrowLeftOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { PersonRehab } from './PersonRehab';

/**
 * One person's precise rehabilitation as a page of its own, for institution users: they reach the persons
 * placed with or assessed at their institution here, but not the registry's record. The name comes with the
 * link from the plans list.
 */
export function RehabPersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const name = (location.state as { name?: unknown } | null)?.name;
  const personName = typeof name === 'string' ? name : '';
  const year = Number(params.get('year'));
  return (
    <>
      <Typography.Paragraph>
        <Link to="/rehab">
          <ArrowLeftOutlined aria-hidden /> {t('rehab.backToList')}
        </Link>
      </Typography.Paragraph>
      <PageTitle
        title={personName ? t('rehab.personPageTitle', { name: personName }) : t('rehab.personPageFallback')}
      />
      <PersonRehab
        personId={id}
        personName={personName}
        year={Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined}
        onYearChange={(next) =>
          setParams(
            (current) => {
              const updated = new URLSearchParams(current);
              updated.set('year', String(next));
              return updated;
            },
            { replace: true, state: location.state },
          )
        }
      />
    </>
  );
}
