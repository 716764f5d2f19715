import { PlusOutlined } from '@ant-design/icons';
import type { PersonStatus } from '@huican/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Flex,
  Form,
  Popconfirm,
  Select,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addHouseholdMember, createHousehold, getHousehold, removeHouseholdMember } from '../../api/households';
import type { Household, HouseholdMember, Person } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { useFormSubmit } from '../../lib/form-errors';
import { disabilityText, HOUSEHOLD_RELATIONS, orDash, PersonStatusTag, relationName } from './labels';
import { PersonSearchSelect } from './PersonSearchSelect';

type MemberValues = { personId: string; relation: string };

function AddMemberForm({ household }: { household: Household }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MemberValues>();
  const [chosenName, setChosenName] = useState('');

  const add = useFormSubmit(form, ['personId', 'relation'], {
    mutationFn: (values: MemberValues) => addHouseholdMember(household.id, values),
    onSuccess: (updated) => {
      queryClient.setQueryData(['households', updated.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void message.success(t('household.memberAdded', { name: chosenName }));
      form.resetFields();
    },
    fieldFor: (error) => (error.code === 'ALREADY_IN_HOUSEHOLD' ? 'personId' : undefined),
  });

  return (
    <>
      {add.error ? <Alert type="error" showIcon title={add.error} style={{ marginBottom: 16 }} /> : null}
      <Form<MemberValues>
        form={form}
        name="householdMember"
        layout="inline"
        aria-label={t('household.addMember')}
        onFinish={add.submit}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="personId"
          label={t('household.member')}
          rules={[{ required: true, message: t('household.memberRequired') }]}
        >
          <PersonSearchSelect
            exclude={household.members.map((member) => member.personId)}
            onChange={(_, person) => setChosenName(person?.name ?? '')}
          />
        </Form.Item>
        <Form.Item
          name="relation"
          label={t('household.relation')}
          rules={[{ required: true, message: t('household.relationRequired') }]}
        >
          <Select
            style={{ width: 160 }}
            options={HOUSEHOLD_RELATIONS.map((value) => ({ value, label: relationName(t, value) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={add.isPending}>
            {t('household.addMember')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

function HouseholdView({ person, householdId }: { person: Person; householdId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const mayWrite = can(user.role, 'personsWrite');

  const household = useQuery({ queryKey: ['households', householdId], queryFn: () => getHousehold(householdId) });

  const remove = useMutation({
    mutationFn: (member: HouseholdMember) => removeHouseholdMember(householdId, member.personId),
    onSuccess: (updated, member) => {
      queryClient.setQueryData(['households', updated.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void message.success(t('household.removed', { name: member.name }));
    },
    onError: (error) => void message.error(error.message),
  });

  if (household.isError) {
    return <LoadError error={household.error} />;
  }
  const data = household.data;

  const columns: TableColumnsType<HouseholdMember> = [
    {
      title: t('household.memberName'),
      dataIndex: 'name',
      render: (name: string, member) =>
        member.personId === person.id ? (
          name
        ) : (
          <Link to={`/persons/${encodeURIComponent(member.personId)}`} aria-label={t('persons.openNamed', { name })}>
            {name}
          </Link>
        ),
    },
    { title: t('household.relation'), dataIndex: 'relation', render: (relation: string) => relationName(t, relation) },
    {
      title: t('household.disability'),
      key: 'disability',
      render: (_, member) => orDash(disabilityText(t, member.category, member.grade)),
    },
    {
      title: t('household.status'),
      dataIndex: 'status',
      render: (status: PersonStatus) => <PersonStatusTag status={status} />,
    },
  ];
  if (mayWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, member) =>
        member.relation === 'head' ? null : (
          <Popconfirm
            title={t('household.confirmRemove', { name: member.name })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutateAsync(member)}
          >
            <Button type="link" danger aria-label={t('household.removeNamed', { name: member.name })}>
              {t('household.remove')}
            </Button>
          </Popconfirm>
        ),
    });
  }

  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'address', label: t('household.address'), children: orDash(data?.address) },
          {
            key: 'multi',
            label: t('persons.multiDisabledHousehold'),
            children: data ? (data.multiDisabled ? t('common.yes') : t('common.no')) : '',
          },
        ]}
      />
      <h2 className="section-title">{t('household.members')}</h2>
      <DataTable<HouseholdMember>
        label={t('household.members')}
        rowKey="personId"
        size="small"
        columns={columns}
        dataSource={data?.members}
        loading={household.isFetching}
        pagination={false}
        style={{ marginBottom: 16 }}
      />
      {mayWrite && data ? <AddMemberForm household={data} /> : null}
    </>
  );
}

export function HouseholdTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();

  const create = useMutation({
    mutationFn: () =>
      createHousehold({
        regionCode: person.regionCode,
        address: person.address,
        members: [{ personId: person.id, relation: 'head' }],
      }),
    onSuccess: (household) => {
      queryClient.setQueryData(['households', household.id], household);
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void message.success(t('household.created'));
    },
    onError: (error) => void message.error(error.message),
  });

  if (person.household) return <HouseholdView person={person} householdId={person.household.id} />;
  return (
    <Flex vertical align="flex-start">
      <Typography.Paragraph>{t('household.none')}</Typography.Paragraph>
      {can(user.role, 'personsWrite') ? (
        <Button type="primary" loading={create.isPending} onClick={() => create.mutate()}>
          {t('household.createAsHead')}
        </Button>
      ) : null}
    </Flex>
  );
}
