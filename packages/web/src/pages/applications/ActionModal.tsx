import { ACTIONS_NEEDING_COMMENT, type ApplicationAction } from '@huican/core';
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { showServerErrors } from '../../lib/form-errors';
import { actionName } from './labels';

type Values = { comment?: string };

/** The reasons of a 422 NOT_ELIGIBLE, in the request's language; none for any other error. */
export function notEligibleReasons(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'NOT_ELIGIBLE') return [];
  const reasons = error.extra.reasons;
  return Array.isArray(reasons) ? reasons.map(String) : [];
}

/** An error and, for NOT_ELIGIBLE, the reasons listed under it. */
export function ErrorWithReasons({ message, reasons }: { message: string; reasons: string[] }) {
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      description={
        reasons.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

type Props<R> = {
  /** The action to confirm; null keeps the dialog closed. */
  action: ApplicationAction | null;
  /** What it applies to: "张三 · 困难残疾人生活补贴 2026", or "3 件申请". */
  subject: string;
  send: (action: ApplicationAction, comment: string | undefined) => Promise<R>;
  onDone: (result: R, action: ApplicationAction) => void;
  onClose: () => void;
};

/**
 * Confirms a workflow action with a comment: required (the reason the applicant is told) to reject or return,
 * optional otherwise.
 */
export function ActionModal<R>({ action, subject, send, onDone, onClose }: Props<R>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<{ message: string; reasons: string[] } | null>(null);
  const needsReason = action !== null && ACTIONS_NEEDING_COMMENT.includes(action);

  const mutation = useMutation({
    mutationFn: (values: Values) => send(action!, values.comment?.trim() || undefined),
    onSuccess: (result) => {
      onDone(result, action!);
      onClose();
    },
    onError: (cause) => {
      const message = showServerErrors(form, cause, ['comment']);
      setError(message ? { message, reasons: notEligibleReasons(cause) } : null);
    },
  });

  return (
    <FormModal<Values>
      open={action !== null}
      title={action ? actionName(t, action) : ''}
      okText={action ? actionName(t, action) : t('common.ok')}
      onClose={onClose}
      form={form}
      name="applicationAction"
      onFinish={(values) => {
        setError(null);
        mutation.mutate(values);
      }}
      submission={{ error: null, clearError: () => setError(null), isPending: mutation.isPending }}
      intro={
        <>
          <Typography.Paragraph>{t('application.actionSubject', { subject })}</Typography.Paragraph>
          {error ? <ErrorWithReasons message={error.message} reasons={error.reasons} /> : null}
        </>
      }
    >
      <Form.Item
        name="comment"
        label={needsReason ? t('application.reason') : t('application.comment')}
        extra={needsReason ? t('application.reasonHint') : undefined}
        rules={[{ required: needsReason, whitespace: true, message: t('application.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
