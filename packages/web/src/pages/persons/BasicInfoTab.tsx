import { Alert, Button, Descriptions, type DescriptionsProps, Flex, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_FLAGS, type Person } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { formatDateTime } from '../../lib/format';
import { componentsText, disabilityText, orDash, PersonStatusTag, relationName } from './labels';
import { StatusChangeModal } from './StatusChangeModal';

export function BasicInfoTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [changingStatus, setChangingStatus] = useState(false);

  const flags = PERSON_FLAGS.filter((flag) => person.flags[flag]).map((flag) => t(`registry.flags.${flag}`));
  const guardian = person.guardian;
  const certificate = person.certificate;

  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('person.name'), children: person.name },
    { key: 'gender', label: t('person.gender'), children: t(`registry.gender.${person.gender}`) },
    { key: 'idNumber', label: t('person.idNumber'), children: person.idNumber },
    { key: 'birthDate', label: t('person.birthDate'), children: person.birthDate },
    { key: 'age', label: t('person.age'), children: t('person.ageValue', { age: person.age }) },
    {
      key: 'disability',
      label: t('person.disability'),
      children: certificate
        ? [disabilityText(t, certificate.category, certificate.grade), componentsText(t, certificate.components)]
            .filter(Boolean)
            .join(' · ')
        : t('registry.certStatus.none'),
    },
    { key: 'region', label: t('person.region'), children: person.regionName ?? person.regionCode },
    { key: 'phone', label: t('person.phone'), children: orDash(person.phone) },
    { key: 'address', label: t('person.address'), children: orDash(person.address), span: 2 },
    {
      key: 'flags',
      label: t('person.flags'),
      children: flags.length > 0 ? flags.join(t('common.listSeparator')) : t('common.none'),
    },
    {
      key: 'guardian',
      label: t('person.guardian'),
      children: guardian
        ? [
            t('person.guardianValue', { name: guardian.name, relation: guardian.relation }),
            guardian.phone,
            guardian.idNumber,
          ]
            .filter(Boolean)
            .join(' · ')
        : t('common.none'),
    },
    {
      key: 'status',
      label: t('person.status'),
      children: (
        <Space size={8} wrap>
          <PersonStatusTag status={person.status} />
          {person.statusDate ? t('person.statusSince', { date: person.statusDate }) : null}
        </Space>
      ),
    },
    { key: 'statusReason', label: t('person.statusReason'), children: orDash(person.statusReason) },
    {
      key: 'household',
      label: t('person.household'),
      children: person.household
        ? t('person.householdValue', {
            relation: relationName(t, person.household.relation),
            count: person.household.memberCount ?? 1,
          })
        : t('common.none'),
    },
    { key: 'createdAt', label: t('person.createdAt'), children: formatDateTime(person.createdAt) },
    { key: 'updatedAt', label: t('person.updatedAt'), children: formatDateTime(person.updatedAt) },
  ];

  return (
    <>
      {person.masked ? <Alert type="info" showIcon title={t('person.masked')} style={{ marginBottom: 16 }} /> : null}
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <h2 className="section-title" style={{ margin: 0 }}>
          {t('person.basicTitle')}
        </h2>
        {can(user.role, 'personsWrite') ? (
          <Button onClick={() => setChangingStatus(true)}>{t('person.changeStatus')}</Button>
        ) : null}
      </Flex>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
      {can(user.role, 'personsWrite') ? (
        <StatusChangeModal
          person={person}
          open={changingStatus}
          canReactivate={can(user.role, 'personsReactivate')}
          onClose={() => setChangingStatus(false)}
        />
      ) : null}
    </>
  );
}
