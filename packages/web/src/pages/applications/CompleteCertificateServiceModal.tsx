import {
  type CertificateServiceAction,
  certificateServiceByCode,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  type DisabilityCategory,
  type DisabilityComponent,
  type DisabilityGrade,
  regionLevel,
} from '@huican/core';
import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type ApplicationDetail, type CertificateServiceResult, takeAction } from '../../api/applications';
import { FormModal } from '../../components/FormModal';
import { RegionPicker } from '../../components/RegionPicker';
import { useFormSubmit } from '../../lib/form-errors';
import { ComponentsField } from '../persons/ComponentsField';
import { DATE_FORMAT } from '../persons/form-rules';
import { categoryName, gradeName } from '../persons/labels';

type Values = {
  result?: {
    hospital?: string;
    assessedOn?: Dayjs;
    category?: DisabilityCategory;
    grade?: DisabilityGrade;
    components?: DisabilityComponent[];
    issuedOn?: Dayjs | null;
    regionCode?: string;
    destination?: string;
    reason?: string;
  };
  comment?: string;
};

/** What completing each service asks for (the server's complete-certificate-service.ts). */
const NEEDS = {
  new: { assessment: true, issuedOn: true },
  change: { assessment: true, issuedOn: true },
  renew: { issuedOn: true },
  reissue: {},
  transfer_in: { regionCode: true },
  transfer_out: { destination: true },
  cancel: { reason: true },
} as const satisfies Record<
  CertificateServiceAction,
  { assessment?: true; issuedOn?: true; regionCode?: true; destination?: true; reason?: true }
>;
type Needs = { assessment?: true; issuedOn?: true; regionCode?: true; destination?: true; reason?: true };

const FIELDS = [
  'result.hospital',
  'result.assessedOn',
  'result.category',
  'result.grade',
  'result.components',
  'result.issuedOn',
  'result.regionCode',
  'result.destination',
  'result.reason',
  'comment',
];

/** The service a certificate application is for (cert_new → new), or null for a programme. */
export const certificateActionOf = (programCode: string): CertificateServiceAction | null =>
  certificateServiceByCode(programCode)?.action ?? null;

function toResult(needs: Needs, values: Values['result'] = {}): CertificateServiceResult {
  const result: CertificateServiceResult = {};
  if (needs.assessment) {
    result.hospital = values.hospital?.trim();
    result.assessedOn = values.assessedOn?.format(DATE_FORMAT);
    result.category = values.category;
    result.grade = values.grade;
    if (values.category === 7 && values.components) result.components = values.components;
  }
  if (needs.issuedOn && values.issuedOn) result.issuedOn = values.issuedOn.format(DATE_FORMAT);
  if (needs.regionCode) result.regionCode = values.regionCode;
  if (needs.destination) result.destination = values.destination?.trim();
  if (needs.reason) result.reason = values.reason?.trim();
  return result;
}

type Props = {
  application: ApplicationDetail;
  open: boolean;
  subject: string;
  onClose: () => void;
  onDone: (text: string) => void;
};

/**
 * 办结 of a certificate service: exactly what that service records — the assessment (hospital, date, category,
 * grade) for 评残 and 变更, the region moved to for 迁入, where to for 迁出, the reason for 注销 — with the
 * server's complaints on the fields (`result.<name>`) and a refusal such as RENEWAL_NOT_OPEN above them.
 */
export function CompleteCertificateServiceModal({ application, open, subject, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const category = Form.useWatch(['result', 'category'], form);
  const action = certificateActionOf(application.programCode);
  const needs: Needs = action ? NEEDS[action] : {};

  const submission = useFormSubmit(form, FIELDS, {
    mutationFn: (values: Values) =>
      takeAction(application.id, 'complete', values.comment?.trim() || undefined, toResult(needs, values.result)),
    onSuccess: () => {
      // The registry changed with the completion: the certificate, or where the person lives.
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      onDone(t('certService.completed', { subject }));
      onClose();
    },
  });

  return (
    <FormModal<Values>
      open={open}
      title={t('certService.completeTitle', { service: application.programName })}
      okText={t('workflow.action.complete')}
      width={640}
      onClose={onClose}
      form={form}
      name="completeCertificateService"
      initialValues={{ result: { issuedOn: dayjs() } }}
      onFinish={submission.submit}
      submission={submission}
      intro={
        <>
          <Typography.Paragraph>{t('certService.intro', { subject })}</Typography.Paragraph>
          {action ? (
            <Typography.Paragraph type="secondary">{t(`certService.hints.${action}`)}</Typography.Paragraph>
          ) : null}
        </>
      }
    >
      {needs.assessment ? (
        <fieldset className="form-fieldset">
          <legend>{t('certService.assessmentLegend')}</legend>
          <Form.Item
            name={['result', 'hospital']}
            label={t('certService.hospital')}
            rules={[{ required: true, whitespace: true, message: t('certService.hospitalRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name={['result', 'assessedOn']}
            label={t('certService.assessedOn')}
            rules={[{ required: true, message: t('certService.assessedOnRequired') }]}
          >
            <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item
              name={['result', 'category']}
              label={t('certificate.category')}
              rules={[{ required: true, message: t('certificate.categoryRequired') }]}
            >
              <Select
                style={{ width: 200 }}
                options={DISABILITY_CATEGORIES.map((value) => ({ value, label: categoryName(t, value) }))}
              />
            </Form.Item>
            <Form.Item
              name={['result', 'grade']}
              label={t('certificate.grade')}
              rules={[{ required: true, message: t('certificate.gradeRequired') }]}
            >
              <Select
                style={{ width: 200 }}
                options={DISABILITY_GRADES.map((value) => ({ value, label: gradeName(t, value) }))}
              />
            </Form.Item>
          </Flex>
          {category === 7 ? <ComponentsField name={['result', 'components']} /> : null}
        </fieldset>
      ) : null}
      {needs.issuedOn ? (
        <Form.Item
          name={['result', 'issuedOn']}
          label={t('certService.issuedOn')}
          extra={t('certService.issuedOnHint')}
        >
          <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} />
        </Form.Item>
      ) : null}
      {needs.regionCode ? (
        <Form.Item
          name={['result', 'regionCode']}
          label={t('certService.regionCode')}
          extra={t('certService.regionHint')}
          rules={[
            { required: true, message: t('certService.regionRequired') },
            {
              validator: async (_, value: string | undefined) => {
                const level = value ? regionLevel(value) : null;
                if (value && level !== 'township' && level !== 'village') throw new Error(t('certService.regionLevel'));
              },
            },
          ]}
        >
          <RegionPicker />
        </Form.Item>
      ) : null}
      {needs.destination ? (
        <Form.Item
          name={['result', 'destination']}
          label={t('certService.destination')}
          rules={[{ required: true, whitespace: true, message: t('certService.destinationRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      ) : null}
      {needs.reason ? (
        <Form.Item
          name={['result', 'reason']}
          label={t('certService.reason')}
          rules={[{ required: true, whitespace: true, message: t('certService.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      ) : null}
      <Form.Item name="comment" label={t('application.comment')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
