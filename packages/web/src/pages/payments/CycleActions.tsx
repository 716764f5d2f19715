import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { showServerErrors } from '../../lib/form-errors';
import { cycleName, formatFen } from './labels';
import { CYCLE_ACTIONS, type CycleAction, type CycleDetail, takeCycleAction } from './payments-api';

type Values = { reason?: string };

/** The server's refusal in words: SAME_USER and an outdated state get a sentence that says what to do. */
function actionError(t: TFunction, cause: unknown): string {
  if (cause instanceof ApiError && cause.code === 'SAME_USER')
    return t('payments.sameUser', { message: cause.message });
  if (cause instanceof ApiError && cause.code === 'ILLEGAL_TRANSITION') {
    return t('payments.staleState', { message: cause.message });
  }
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * The workflow buttons the server offers the caller (`allowedActions`), each confirmed in a dialog; cancelling
 * asks for the reason. `onDone` gets the sentence to announce.
 */
export function CycleActions({ cycle, onDone }: { cycle: CycleDetail; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<CycleAction | null>(null);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const name = cycleName(t, cycle);

  const mutation = useMutation({
    mutationFn: ({ act, reason }: { act: CycleAction; reason?: string }) => takeCycleAction(cycle.id, act, reason),
    onSuccess: (_, { act }) => {
      setAction(null);
      onDone(t(`payments.actionDone.${act}`, { name }));
    },
    onError: (cause) => {
      const rest = showServerErrors(form, cause, ['reason']);
      setError(rest === null ? null : actionError(t, cause));
    },
  });

  const actions = CYCLE_ACTIONS.filter((a) => cycle.allowedActions.includes(a));
  const needsReason = action === 'cancel';

  return (
    <>
      {actions.map((a) => (
        <Button
          key={a}
          type={a === 'cancel' ? 'default' : 'primary'}
          danger={a === 'cancel'}
          onClick={() => {
            setError(null);
            setAction(a);
          }}
        >
          {t(`payments.action.${a}`)}
        </Button>
      ))}
      <FormModal<Values>
        open={action !== null}
        title={action ? t(`payments.action.${action}`) : ''}
        okText={action ? t(`payments.action.${action}`) : t('common.ok')}
        onClose={() => setAction(null)}
        form={form}
        name="cycleAction"
        onFinish={(values) => {
          setError(null);
          if (action) mutation.mutate({ act: action, reason: values.reason?.trim() || undefined });
        }}
        submission={{ error: null, clearError: () => setError(null), isPending: mutation.isPending }}
        intro={
          <>
            <Typography.Paragraph>
              {action
                ? t(`payments.confirm.${action}`, {
                    name,
                    count: cycle.lines.count,
                    total: formatFen(cycle.lines.amountCents),
                  })
                : null}
            </Typography.Paragraph>
            {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
          </>
        }
      >
        {needsReason ? (
          <Form.Item
            name="reason"
            label={t('payments.cancelReason')}
            rules={[{ required: true, whitespace: true, message: t('payments.cancelReasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        ) : null}
      </FormModal>
    </>
  );
}
