import type { NeedKind } from '@huican/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Select, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getPersonRehab,
  type PlannedService,
  type RehabAssessment,
  type RehabPlan,
  type RehabService,
  updatePlan,
} from '../../api/rehab';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { DataTable } from '../../components/DataTable';
import { useAnnouncer } from '../../components/LiveRegion';
import { LoadError } from '../../components/LoadError';
import { orDash } from '../persons/labels';
import { AssessmentModal } from './AssessmentModal';
import { useRehabInstitutions } from './InstitutionSelect';
import {
  currentYear,
  PlanProgressBar,
  PlanStatusTag,
  periodText,
  planName,
  SessionsProgress,
  yearOptions,
} from './labels';
import { PlanModal } from './PlanModal';
import { PlanServiceModal } from './PlanServiceModal';

type Props = {
  personId: string;
  personName: string;
  /** Whether the person is active (new assessments and plans need it); unknown = let the server say. */
  active?: boolean;
  /** The year shown; the current year when absent. */
  year?: number;
  onYearChange: (year: number) => void;
};

function PlanSection({
  plan,
  mayWrite,
  onRecord,
  onChanged,
}: {
  plan: RehabPlan;
  mayWrite: boolean;
  onRecord: (plan: RehabPlan) => void;
  onChanged: (text: string) => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const name = planName(t, plan);
  const headingId = `plan-${plan.id}`;
  const close = useMutation({
    mutationFn: (status: 'completed' | 'cancelled') => updatePlan(plan.id, { version: plan.version, status }),
    onSuccess: (updated) =>
      onChanged(t(updated.status === 'completed' ? 'rehab.planCompleted' : 'rehab.planCancelled', { plan: name })),
    onError: (cause) => setError(cause.message),
  });
  const confirm = (status: 'completed' | 'cancelled') => {
    setError(null);
    modal.confirm({
      title: status === 'completed' ? t('rehab.complete') : t('rehab.cancel'),
      content: t(status === 'completed' ? 'rehab.completeConfirm' : 'rehab.cancelConfirm', { plan: name }),
      okText: status === 'completed' ? t('rehab.complete') : t('rehab.cancel'),
      okButtonProps: { danger: status === 'cancelled' },
      cancelText: t('rehab.keep'),
      onOk: () => close.mutateAsync(status).catch(() => undefined),
    });
  };

  const columns: TableColumnsType<PlannedService> = [
    { title: t('rehab.kind'), dataIndex: 'kind', render: (kind: NeedKind) => t(`registry.needKinds.${kind}`) },
    { title: t('rehab.provider'), dataIndex: 'provider', render: orDash },
    { title: t('rehab.sessions'), dataIndex: 'sessions' },
    {
      title: t('rehab.delivered'),
      key: 'delivered',
      render: (_, service) => (
        <SessionsProgress
          size="small"
          delivered={service.delivered}
          planned={service.sessions}
          label={t('rehab.progressLabel', { name: t(`registry.needKinds.${service.kind}`) })}
        />
      ),
    },
  ];

  return (
    <section aria-labelledby={headingId} className="rehab-plan">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap>
          <h3 id={headingId} className="subsection-title">
            {name}
          </h3>
          <PlanStatusTag status={plan.status} />
        </Flex>
        {mayWrite && plan.status === 'active' ? (
          <Flex gap={8} wrap>
            <Button
              type="primary"
              aria-label={t('rehab.recordServiceNamed', { plan: name })}
              onClick={() => onRecord(plan)}
            >
              {t('rehab.recordService')}
            </Button>
            <Button
              aria-label={t('rehab.completeNamed', { plan: name })}
              loading={close.isPending && close.variables === 'completed'}
              onClick={() => confirm('completed')}
            >
              {t('rehab.complete')}
            </Button>
            <Button
              danger
              aria-label={t('rehab.cancelNamed', { plan: name })}
              loading={close.isPending && close.variables === 'cancelled'}
              onClick={() => confirm('cancelled')}
            >
              {t('rehab.cancel')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
      {error ? <Alert type="error" showIcon title={error} style={{ margin: '8px 0' }} /> : null}
      <div style={{ margin: '8px 0 12px', maxWidth: 480 }}>
        <PlanProgressBar progress={plan.progress} label={t('rehab.progressLabel', { name })} />
      </div>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'period', label: t('rehab.period'), children: periodText(t, plan) },
          { key: 'agreement', label: t('rehab.agreementSignedOn'), children: plan.agreementSignedOn },
          { key: 'institution', label: t('rehab.institution'), children: orDash(plan.institutionName) },
          { key: 'status', label: t('rehab.status'), children: t(`rehab.statuses.${plan.status}`) },
          { key: 'goals', label: t('rehab.goals'), children: plan.goals, span: 'filled' },
        ]}
      />
      <DataTable<PlannedService>
        label={t('rehab.plannedServices')}
        rowKey="kind"
        size="small"
        columns={columns}
        dataSource={plan.services}
        pagination={false}
      />
    </section>
  );
}

/**
 * 精准康复 of one person in one year: needs assessments, service agreements with their plans and progress,
 * and the rehabilitation services received. On the person's record (a tab) and, for institution users who do
 * not read the registry, on a page of its own.
 */
export function PersonRehab({ personId, personName, active, year: chosenYear, onYearChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { announce, region } = useAnnouncer();
  const year = chosenYear ?? currentYear();
  const mayWrite = can(user.role, 'rehabWrite');
  const mayAdd = mayWrite && active !== false;
  const chooseInstitution = user.role !== 'institution';
  const [dialog, setDialog] = useState<'assessment' | 'plan' | null>(null);
  const [recording, setRecording] = useState<RehabPlan | null>(null);

  const rehab = useQuery({
    queryKey: ['rehab', 'person', personId, year],
    queryFn: () => getPersonRehab(personId, year),
  });
  const institutions = useRehabInstitutions(mayWrite && chooseInstitution);
  const institutionName = new Map(institutions.map((i) => [i.id, i.name]));

  const changed = (text: string) => {
    void message.success(text);
    announce(text);
    void queryClient.invalidateQueries({ queryKey: ['rehab'] });
    // Assessments add to the year's needs record; services appear among the person's services.
    void queryClient.invalidateQueries({ queryKey: ['persons', 'needs', personId] });
    void queryClient.invalidateQueries({ queryKey: ['persons', 'services', personId] });
  };

  const kindNames = (kinds: NeedKind[]) =>
    kinds.length > 0
      ? kinds.map((kind) => t(`registry.needKinds.${kind}`)).join(t('common.listSeparator'))
      : t('rehab.noNeeds');

  const assessmentColumns: TableColumnsType<RehabAssessment> = [
    {
      title: t('rehab.assessedOn'),
      dataIndex: 'assessedOn',
      render: (d: string) => <span className="nowrap">{d}</span>,
    },
    {
      title: t('rehab.place'),
      key: 'place',
      render: (_, a) =>
        a.institutionId && institutionName.has(a.institutionId)
          ? `${t(`rehab.places.${a.place}`)} · ${institutionName.get(a.institutionId)}`
          : t(`rehab.places.${a.place}`),
    },
    { title: t('rehab.assessor'), dataIndex: 'assessor' },
    { title: t('rehab.needs'), dataIndex: 'needs', render: kindNames },
    {
      title: t('rehab.devices'),
      dataIndex: 'devices',
      render: (devices: RehabAssessment['devices']) =>
        devices.length > 0 ? devices.map((d) => t('rehab.deviceValue', d)).join(t('common.listSeparator')) : '—',
    },
    { title: t('rehab.note'), dataIndex: 'note', render: orDash },
  ];

  const serviceColumns: TableColumnsType<RehabService> = [
    { title: t('rehab.serviceDate'), dataIndex: 'date', render: (d: string) => <span className="nowrap">{d}</span> },
    { title: t('rehab.kind'), dataIndex: 'kind', render: (kind: NeedKind) => t(`registry.needKinds.${kind}`) },
    { title: t('rehab.provider'), dataIndex: 'provider', render: orDash },
    { title: t('rehab.serviceNote'), dataIndex: 'note', render: orDash },
    {
      title: t('rehab.underPlan'),
      dataIndex: 'planId',
      render: (planId: string | null) => {
        const plan = rehab.data?.plans.find((p) => p.id === planId);
        return plan ? planName(t, plan) : '—';
      },
    },
  ];

  const data = rehab.data;
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <label htmlFor="rehabYear">{t('rehab.year')}</label>
        <Select
          id="rehabYear"
          value={year}
          style={{ width: 120 }}
          options={yearOptions(t, year)}
          onChange={(value: number) => onYearChange(value)}
        />
      </Flex>
      {region}
      {mayWrite && active === false ? (
        <Alert type="info" showIcon title={t('rehab.notActive')} style={{ marginBottom: 16 }} />
      ) : null}
      <LoadError error={rehab.error} style={{ marginBottom: 16 }} />

      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '24px 0 12px' }}>
        <h2 className="section-title" style={{ margin: 0 }}>
          {t('rehab.assessmentsTitle')}
        </h2>
        {mayAdd ? <Button onClick={() => setDialog('assessment')}>{t('rehab.addAssessment')}</Button> : null}
      </Flex>
      {data && data.assessments.length === 0 ? (
        <Typography.Paragraph>{t('rehab.noAssessments')}</Typography.Paragraph>
      ) : (
        <DataTable<RehabAssessment>
          label={t('rehab.assessmentsTitle')}
          rowKey="id"
          size="small"
          columns={assessmentColumns}
          dataSource={data?.assessments}
          loading={rehab.isFetching}
          pagination={false}
        />
      )}

      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '24px 0 12px' }}>
        <h2 className="section-title" style={{ margin: 0 }}>
          {t('rehab.plansTitle')}
        </h2>
        {mayAdd ? (
          <Button type="primary" onClick={() => setDialog('plan')}>
            {t('rehab.addPlan')}
          </Button>
        ) : null}
      </Flex>
      {data && data.plans.length === 0 ? <Typography.Paragraph>{t('rehab.noPlans')}</Typography.Paragraph> : null}
      {(data?.plans ?? []).map((plan) => (
        <PlanSection key={plan.id} plan={plan} mayWrite={mayWrite} onRecord={setRecording} onChanged={changed} />
      ))}

      <h2 className="section-title">{t('rehab.servicesTitle')}</h2>
      {data && data.services.length === 0 ? (
        <Typography.Paragraph>{t('rehab.noServices')}</Typography.Paragraph>
      ) : (
        <DataTable<RehabService>
          label={t('rehab.servicesTitle')}
          rowKey="id"
          size="small"
          columns={serviceColumns}
          dataSource={data?.services}
          loading={rehab.isFetching}
          pagination={data && data.services.length > 20 ? { pageSize: 20 } : false}
        />
      )}

      {mayWrite ? (
        <>
          <AssessmentModal
            personId={personId}
            personName={personName}
            year={year}
            open={dialog === 'assessment'}
            chooseInstitution={chooseInstitution}
            institutions={institutions}
            onClose={() => setDialog(null)}
            onSaved={(assessment) => changed(t('rehab.assessmentSaved', { date: assessment.assessedOn }))}
          />
          <PlanModal
            personId={personId}
            personName={personName}
            year={year}
            open={dialog === 'plan'}
            assessments={data?.assessments ?? []}
            chooseInstitution={chooseInstitution}
            institutions={institutions}
            onClose={() => setDialog(null)}
            onSaved={(plan) => changed(t('rehab.planSaved', { from: plan.startsOn, to: plan.endsOn }))}
          />
          <PlanServiceModal
            plan={recording}
            onClose={() => setRecording(null)}
            onSaved={(service) =>
              changed(t('rehab.serviceRecorded', { kind: t(`registry.needKinds.${service.kind}`), date: service.date }))
            }
          />
        </>
      ) : null}
    </>
  );
}
