import { ArrowLeftOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ApplicationAction } from '@huican/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Flex, Form, Select, Timeline, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type ApplicationDetail,
  attachmentUrl,
  getApplication,
  placeApplication,
  recordPlacementService,
  takeAction,
  uploadAttachment,
} from '../../api/applications';
import { ApiError } from '../../api/client';
import { listInstitutions } from '../../api/institutions';
import { getPerson } from '../../api/persons';
import { isCertificateService, listPrograms } from '../../api/programs';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { useAnnouncer } from '../../components/LiveRegion';
import { PageLoading, PageTitle } from '../../components/PageTitle';
import { ServiceRecordForm, type ServiceRecordValues } from '../../components/ServiceRecordForm';
import { useFormSubmit } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/format';
import { NotFoundPage } from '../errors/NotFoundPage';
import { DATE_FORMAT } from '../persons/form-rules';
import { CertificateStatusTag, componentsText, disabilityText } from '../persons/labels';
import { ActionModal } from './ActionModal';
import { CompleteCertificateServiceModal } from './CompleteCertificateServiceModal';
import { ApplicationStatusTag, actionName, eventName, OverdueTag, statusName } from './labels';

const ATTACHMENT_TYPES = /\.(pdf|jpe?g|png|docx|xlsx)$/i;
const ATTACHMENT_LIMIT = 20 * 1024 * 1024;
/** Documents can be added while the application is being decided or has been returned for changes. */
const OPEN_FOR_DOCUMENTS = ['submitted', 'reviewed', 'returned'];
const PLACEABLE = ['submitted', 'reviewed', 'approved'];
/** History steps whose comment is the name of what was added (the file, the institution). */
const NAMING_EVENTS = ['attach', 'place'];

const fileSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

function History({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={application.history.map((event, index) => ({
        key: `${event.at}-${index}`,
        color: event.toStatus === 'rejected' ? 'red' : event.toStatus === 'approved' ? 'green' : 'blue',
        content: (
          <>
            <Typography.Text strong>{eventName(t, event.action)}</Typography.Text>
            {event.fromStatus && event.fromStatus !== event.toStatus ? (
              <Typography.Text>
                {' '}
                {t('application.statusChange', {
                  from: statusName(t, event.fromStatus),
                  to: statusName(t, event.toStatus),
                })}
              </Typography.Text>
            ) : null}
            <br />
            <Typography.Text type="secondary">
              {t('application.eventBy', { actor: event.actorName ?? '—', at: formatDateTime(event.at) })}
            </Typography.Text>
            {event.comment ? (
              <Typography.Paragraph style={{ margin: 0 }}>
                {/* A document's or an institution's name, not somebody's comment. */}
                {NAMING_EVENTS.includes(event.action)
                  ? event.comment
                  : t('application.eventComment', { comment: event.comment })}
              </Typography.Paragraph>
            ) : null}
          </>
        ),
      }))}
    />
  );
}

function Attachments({ application, onChanged }: { application: ApplicationDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [error, setError] = useState<string | null>(null);
  const mayUpload = can(user.role, 'applicationsFile') && OPEN_FOR_DOCUMENTS.includes(application.status);
  const upload = useMutation({
    mutationFn: (file: File) => uploadAttachment(application.id, file),
    onSuccess: (attachment) => {
      void message.success(t('application.uploaded', { name: attachment.fileName }));
      onChanged();
    },
    onError: (cause) => setError(cause.message),
  });

  return (
    <>
      {application.attachments.length === 0 ? (
        <Typography.Paragraph>{t('application.noAttachments')}</Typography.Paragraph>
      ) : (
        <ul className="plain-list" style={{ marginBottom: 12 }}>
          {application.attachments.map((attachment) => (
            <li key={attachment.id}>
              <a href={attachmentUrl(application.id, attachment.id)} download>
                <DownloadOutlined aria-hidden /> {attachment.fileName}
              </a>{' '}
              <Typography.Text type="secondary">
                {fileSize(attachment.size)} · {formatDateTime(attachment.uploadedAt)}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {mayUpload ? (
        <Upload
          accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            setError(null);
            if (!ATTACHMENT_TYPES.test(file.name)) setError(t('application.wrongFileType'));
            else if (file.size > ATTACHMENT_LIMIT) setError(t('application.fileTooLarge'));
            else upload.mutate(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
            {t('application.upload')}
          </Button>
        </Upload>
      ) : null}
      {mayUpload ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('application.uploadHint')}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

type PlaceValues = { institutionId: string; startedOn?: Dayjs };

function PlaceForm({ application, onChanged }: { application: ApplicationDetail; onChanged: (text: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlaceValues>();
  const institutions = useQuery({
    queryKey: ['institutions', 'designated', application.programCode],
    queryFn: () => listInstitutions({ programCode: application.programCode, active: 'true', page: 1, pageSize: 200 }),
  });
  const save = useFormSubmit(form, ['institutionId', 'startedOn'], {
    mutationFn: (values: PlaceValues) =>
      placeApplication(application.id, {
        institutionId: values.institutionId,
        startedOn: values.startedOn?.format(DATE_FORMAT),
      }),
    onSuccess: (placement) => onChanged(t('application.placed', { name: placement.institutionName })),
    fieldFor: (error) => (error.code.startsWith('INSTITUTION_') ? 'institutionId' : undefined),
  });
  const options = (institutions.data?.items ?? []).map((institution) => ({
    value: institution.id,
    label:
      institution.availablePlaces === null
        ? institution.name
        : t('application.institutionOption', { name: institution.name, places: institution.availablePlaces }),
    disabled: institution.availablePlaces === 0,
  }));
  return (
    <Form<PlaceValues>
      form={form}
      name="placement"
      layout="inline"
      aria-labelledby="placementTitle"
      initialValues={{ startedOn: dayjs() }}
      onFinish={save.submit}
      style={{ rowGap: 12 }}
    >
      {save.error ? <Alert type="error" showIcon title={save.error} style={{ width: '100%' }} /> : null}
      <Form.Item
        name="institutionId"
        label={t('application.institution')}
        rules={[{ required: true, message: t('application.institutionRequired') }]}
        extra={institutions.data && options.length === 0 ? t('application.noDesignated') : undefined}
      >
        <Select style={{ width: 300 }} options={options} loading={institutions.isLoading} />
      </Form.Item>
      <Form.Item name="startedOn" label={t('application.startedOn')}>
        <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('application.place')}
        </Button>
      </Form.Item>
    </Form>
  );
}

function ServiceForm({
  application,
  onChanged,
}: {
  application: ApplicationDetail;
  onChanged: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ServiceRecordValues>();
  const save = useFormSubmit(form, ['kind', 'date', 'note'], {
    mutationFn: (values: ServiceRecordValues) =>
      recordPlacementService(application.id, {
        kind: values.kind,
        date: values.date.format(DATE_FORMAT),
        note: values.note?.trim() || undefined,
      }),
    onSuccess: () => {
      form.resetFields();
      onChanged(t('application.serviceRecorded'));
    },
  });
  return (
    <ServiceRecordForm
      form={form}
      name="placementService"
      titleId="serviceTitle"
      title={t('application.recordService')}
      save={save}
      labels={{
        kind: t('application.serviceKind'),
        kindRequired: t('application.serviceKindRequired'),
        date: t('application.serviceDate'),
        dateRequired: t('application.serviceDateRequired'),
        note: t('application.serviceNote'),
      }}
      noteMaxLength={2000}
    />
  );
}

function PlacementSection({
  application,
  onChanged,
}: {
  application: ApplicationDetail;
  onChanged: (text: string) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const placement = application.placement;
  return (
    <section aria-labelledby="placementTitle">
      <h2 id="placementTitle" className="section-title">
        {t('application.placementTitle')}
      </h2>
      {placement ? (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'institution',
              label: t('application.institution'),
              children: (
                <Link to={`/institutions/${encodeURIComponent(placement.institutionId)}`}>
                  {placement.institutionName}
                </Link>
              ),
            },
            { key: 'startedOn', label: t('application.startedOn'), children: placement.startedOn },
            { key: 'endedOn', label: t('application.endedOn'), children: placement.endedOn ?? '—' },
            {
              key: 'status',
              label: t('application.placementStatus'),
              children: t(`application.placementStatuses.${placement.status}`),
            },
          ]}
        />
      ) : (
        <Typography.Paragraph>{t('application.notPlaced')}</Typography.Paragraph>
      )}
      {!placement && can(user.role, 'placements') && PLACEABLE.includes(application.status) ? (
        <PlaceForm application={application} onChanged={onChanged} />
      ) : null}
      {placement?.status === 'open' && can(user.role, 'placementServices') ? (
        <ServiceForm application={application} onChanged={onChanged} />
      ) : null}
    </section>
  );
}

/**
 * What completing a certificate service recorded, and the person's certificate as it stands now (with a link to
 * it on the record, for roles that read the registry).
 */
function CertificateResult({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const result = application.details?.result ?? {};
  const readsRegistry = can(user.role, 'persons');
  const person = useQuery({
    queryKey: ['persons', 'detail', application.personId],
    queryFn: () => getPerson(application.personId),
    enabled: readsRegistry,
  });
  const certificate = person.data?.certificate;
  const items = [
    result.hospital ? { key: 'hospital', label: t('certService.hospital'), children: result.hospital } : null,
    result.assessedOn ? { key: 'assessedOn', label: t('certService.assessedOn'), children: result.assessedOn } : null,
    result.category && result.grade
      ? {
          key: 'disability',
          label: t('certService.disability'),
          children: [disabilityText(t, result.category, result.grade), componentsText(t, result.components)]
            .filter(Boolean)
            .join(' · '),
        }
      : null,
    result.issuedOn ? { key: 'issuedOn', label: t('certService.issuedOn'), children: result.issuedOn } : null,
    result.regionCode ? { key: 'regionCode', label: t('certService.regionCode'), children: result.regionCode } : null,
    result.destination
      ? { key: 'destination', label: t('certService.destination'), children: result.destination }
      : null,
    result.reason ? { key: 'reason', label: t('certService.reason'), children: result.reason } : null,
    readsRegistry
      ? {
          key: 'certificate',
          label: t('certService.currentCertificate'),
          children: certificate ? (
            <Flex gap={8} align="center" wrap>
              <span className="nowrap">{certificate.number}</span>
              <CertificateStatusTag status={certificate.status} />
            </Flex>
          ) : person.data ? (
            t('certService.noCertificate')
          ) : (
            '—'
          ),
        }
      : null,
  ].filter((item) => item !== null);
  return (
    <section aria-labelledby="certificateResultTitle">
      <h2 id="certificateResultTitle" className="section-title">
        {t('certService.resultTitle')}
      </h2>
      {items.length > 0 ? (
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} style={{ marginBottom: 12 }} />
      ) : null}
      {readsRegistry ? (
        <Typography.Paragraph>
          <Link to={`/persons/${encodeURIComponent(application.personId)}?tab=certificate`}>
            {t('certService.certificateLink', { name: application.personName })}
          </Link>
        </Typography.Paragraph>
      ) : null}
    </section>
  );
}

/** One application: who, what, where it stands, its history, documents, placement and the user's actions. */
export function ApplicationDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<ApplicationAction | null>(null);
  const [completing, setCompleting] = useState(false);
  const { announce, region } = useAnnouncer();

  const application = useQuery({ queryKey: ['applications', 'detail', id], queryFn: () => getApplication(id) });
  const programs = useQuery({ queryKey: ['programs', 'list'], queryFn: listPrograms });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['applications'] });
  };
  const changed = (text: string) => {
    void message.success(text);
    announce(text);
    refresh();
  };

  const back = (
    <Typography.Paragraph>
      <Link to="/applications">
        <ArrowLeftOutlined aria-hidden /> {t('application.backToList')}
      </Link>
    </Typography.Paragraph>
  );

  if (application.isError) {
    if (application.error instanceof ApiError && application.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageTitle title={t('applications.title')} />
        {back}
        <Alert type="error" showIcon title={t('errors.loadFailed', { message: application.error.message })} />
      </>
    );
  }
  if (!application.data) return <PageLoading />;
  const data = application.data;
  const subject = t('applications.subject', { name: data.personName, program: data.programName, year: data.year });
  const program = programs.data?.find((p) => p.code === data.programCode);
  const certificateService = isCertificateService(data.programCode);

  return (
    <>
      {back}
      <PageTitle title={subject} extra={<ApplicationStatusTag status={data.status} />} />
      {region}
      {data.allowedActions.length > 0 ? (
        <section aria-labelledby="actionsTitle" style={{ marginBottom: 16 }}>
          <h2 id="actionsTitle" className="visually-hidden">
            {t('application.actionsTitle')}
          </h2>
          <Flex gap={8} wrap>
            {data.allowedActions.map((allowed) => (
              <Button
                key={allowed}
                type={allowed === 'review' || allowed === 'approve' || allowed === 'complete' ? 'primary' : 'default'}
                danger={allowed === 'reject'}
                onClick={() =>
                  allowed === 'complete' && certificateService ? setCompleting(true) : setAction(allowed)
                }
              >
                {actionName(t, allowed)}
              </Button>
            ))}
          </Flex>
        </section>
      ) : null}

      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'person',
            label: t('applications.person'),
            children: (
              <Link to={`/persons/${encodeURIComponent(data.personId)}`}>
                {t('application.personLink', { name: data.personName })}
              </Link>
            ),
          },
          { key: 'idNumber', label: t('applications.idNumber'), children: data.personIdNumber },
          {
            key: 'program',
            label: t('applications.program'),
            // The certificate services are not programmes with standards and targets: no page of their own.
            children: certificateService ? (
              data.programName
            ) : (
              <Link to={`/programs/${encodeURIComponent(data.programCode)}`}>{data.programName}</Link>
            ),
          },
          { key: 'year', label: t('applications.year'), children: data.year },
          { key: 'region', label: t('applications.region'), children: data.regionName ?? data.regionCode },
          { key: 'status', label: t('applications.status'), children: statusName(t, data.status) },
          { key: 'appliedOn', label: t('applications.appliedOn'), children: data.appliedOn },
          {
            key: 'dueOn',
            label: t('applications.dueOn'),
            children: data.dueOn ? (
              <Flex gap={4} align="center">
                {data.dueOn}
                {data.overdue ? <OverdueTag /> : null}
              </Flex>
            ) : (
              '—'
            ),
          },
          { key: 'channel', label: t('application.channel'), children: t(`application.channels.${data.channel}`) },
          {
            key: 'auto',
            label: t('application.autoApproved'),
            children: data.autoApproved ? t('common.yes') : t('common.no'),
          },
          { key: 'decidedAt', label: t('application.decidedAt'), children: formatDateTime(data.decidedAt) || '—' },
          {
            key: 'completedAt',
            label: t('application.completedAt'),
            children: formatDateTime(data.completedAt) || '—',
          },
        ]}
      />

      <h2 className="section-title">{t('application.eligibilityTitle')}</h2>
      {data.eligibility ? (
        <>
          <Typography.Paragraph>
            {t(data.eligibility.eligible ? 'application.eligible' : 'application.notEligible', {
              on: data.eligibility.on,
            })}
          </Typography.Paragraph>
          {data.eligibility.reasons.length > 0 ? (
            <ul>
              {data.eligibility.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <Typography.Paragraph>{t('application.noEligibility')}</Typography.Paragraph>
      )}

      {certificateService && data.details?.result ? <CertificateResult application={data} /> : null}

      <h2 className="section-title">{t('application.historyTitle')}</h2>
      <History application={data} />

      <h2 className="section-title">{t('application.attachmentsTitle')}</h2>
      <Attachments application={data} onChanged={refresh} />

      {program?.kind === 'service' ? <PlacementSection application={data} onChanged={changed} /> : null}

      <ActionModal
        action={action}
        subject={subject}
        send={(chosen, comment) => takeAction(data.id, chosen, comment)}
        onDone={(result, done) =>
          changed(t('application.actionDone', { action: actionName(t, done), status: statusName(t, result.status) }))
        }
        onClose={() => setAction(null)}
      />
      {certificateService ? (
        <CompleteCertificateServiceModal
          application={data}
          open={completing}
          subject={subject}
          onClose={() => setCompleting(false)}
          onDone={changed}
        />
      ) : null}
    </>
  );
}
