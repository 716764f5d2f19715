import { PlusOutlined } from '@ant-design/icons';
import { ROLES, type Role } from '@huican/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Popconfirm, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../api/types';
import { listUsers, setUserActive } from '../../api/users';
import { useCurrentUser } from '../../auth/AuthProvider';
import { isAdmin } from '../../auth/permissions';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { PageTitle } from '../../components/PageTitle';
import { SearchButtons } from '../../components/SearchButtons';
import { formatDateTime, isLocked, regionLabel } from '../../lib/format';
import { tablePagination, useListParams } from '../../lib/list-params';
import { CreateUserModal } from './CreateUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';

const FILTERS = ['q', 'role'] as const;
type Filters = { q?: string; role?: string };

function UserStatus({ user }: { user: UserAccount }) {
  const { t } = useTranslation();
  if (!user.active)
    return (
      <Tag color="error" variant="solid">
        {t('users.disabled')}
      </Tag>
    );
  if (isLocked(user.lockedUntil)) {
    return (
      <Tag color="warning" variant="solid">
        {t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}
      </Tag>
    );
  }
  return (
    <Tag color="success" variant="solid">
      {t('users.active')}
    </Tag>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const admin = isAdmin(me.role);
  const queryClient = useQueryClient();
  const { page, pageSize, filters, setPage, setFilters } = useListParams(FILTERS);
  const [filterForm] = Form.useForm<Filters>();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserAccount | null>(null);

  const role = ROLES.includes(filters.role as Role) ? (filters.role as Role) : undefined;
  const query = { page, pageSize, q: filters.q, role };
  const users = useQuery({
    queryKey: ['users', query],
    queryFn: () => listUsers(query),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    filterForm.setFieldsValue({ q: filters.q, role });
  }, [filterForm, filters.q, role]);

  const toggleActive = useMutation({
    mutationFn: (user: UserAccount) => setUserActive(user.id, !user.active),
    onSuccess: (updated) => {
      void message.success(
        t(updated.active ? 'users.enabledDone' : 'users.disabledDone', { username: updated.username }),
      );
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => void message.error(error.message),
  });

  const roleOptions = ROLES.map((value) => ({ value, label: t(`roles.${value}`) }));

  const columns: TableColumnsType<UserAccount> = [
    { title: t('users.username'), dataIndex: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.role'), dataIndex: 'role', render: (value: Role) => t(`roles.${value}`) },
    {
      title: t('users.region'),
      dataIndex: 'regionName',
      render: (_, user) => regionLabel(user.regionCode, user.regionName, t('common.allRegions')),
    },
    { title: t('users.status'), key: 'status', render: (_, user) => <UserStatus user={user} /> },
  ];
  if (admin) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" onClick={() => setResetting(user)}>
            {t('users.resetPassword')}
          </Button>
          <Popconfirm
            title={t(user.active ? 'users.confirmDisable' : 'users.confirmEnable', { username: user.username })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => toggleActive.mutateAsync(user)}
          >
            <Button type="link" danger={user.active}>
              {user.active ? t('users.disable') : t('users.enable')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      <PageTitle
        title={t('users.title')}
        extra={
          admin ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <Form<Filters>
        form={filterForm}
        name="userFilters"
        layout="inline"
        aria-label={t('users.filtersLabel')}
        initialValues={{ q: filters.q, role }}
        onFinish={(values) => setFilters(values)}
        style={{ marginBottom: 16, rowGap: 12 }}
      >
        <Form.Item name="q" label={t('users.q')}>
          <Input allowClear placeholder={t('users.qPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')}>
          <Select allowClear placeholder={t('users.allRoles')} options={roleOptions} style={{ width: 200 }} />
        </Form.Item>
        <SearchButtons
          onReset={() => {
            filterForm.resetFields();
            setFilters({ q: undefined, role: undefined });
          }}
        />
      </Form>
      <LoadError error={users.error} style={{ marginBottom: 16 }} />
      <DataTable<UserAccount>
        label={t('users.title')}
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        pagination={tablePagination({
          page,
          pageSize,
          total: users.data?.total ?? 0,
          onChange: setPage,
          t,
          pageSizeOptions: [10, 20, 50, 100],
        })}
      />
      {admin ? (
        <>
          <CreateUserModal
            open={creating}
            onClose={() => setCreating(false)}
            onCreated={(user) => {
              void message.success(t('users.created', { username: user.username }));
              void queryClient.invalidateQueries({ queryKey: ['users'] });
            }}
          />
          <ResetPasswordModal
            user={resetting}
            onClose={() => setResetting(null)}
            onDone={(user) => {
              void message.success(t('users.passwordReset', { username: user.username }));
              void queryClient.invalidateQueries({ queryKey: ['users'] });
            }}
          />
        </>
      ) : null}
    </>
  );
}
