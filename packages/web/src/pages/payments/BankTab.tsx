import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { can } from '@huican/core';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex, type TableColumnsType, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { RowError } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { DataTable } from '../../components/DataTable';
import { cycleName, formatFen, labelledTable } from './labels';
import {
  bankFileUrl,
  type Cycle,
  type CycleDetail,
  createRepayment,
  importReconciliation,
  type ReconciliationResult,
} from './payments-api';

const RETURN_FILE = /\.(xlsx|csv)$/i;
const BANKABLE = ['approved', 'paid'];

/** The row errors of a refused return file (400 RECONCILIATION_INVALID), as the server lists them. */
function rowErrors(cause: unknown): RowError[] {
  if (!(cause instanceof ApiError) || !Array.isArray(cause.extra.errors)) return [];
  return (cause.extra.errors as RowError[]).filter((e) => typeof e?.row === 'number');
}

function ReturnFileErrors({ message, errors }: { message: string; errors: RowError[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RowError & { key: number }> = [
    { title: t('payments.errorRow'), dataIndex: 'row', width: 80 },
    { title: t('payments.errorColumn'), dataIndex: 'field', width: 120 },
    { title: t('payments.errorMessage'), dataIndex: 'message' },
  ];
  const label = t('payments.returnErrorsLabel');
  return (
    <>
      <Alert type="error" showIcon title={message} style={{ marginBottom: 12 }} />
      {errors.length > 0 ? (
        <DataTable
          label={label}
          components={labelledTable(label)}
          size="small"
          columns={columns}
          dataSource={errors.map((e, key) => ({ ...e, key }))}
          pagination={false}
          style={{ marginBottom: 16 }}
        />
      ) : null}
    </>
  );
}

/**
 * 银行文件与回盘: the disbursement file for the bank (finance, admin), the bank's return file marking lines paid
 * or failed (all or nothing), and a re-payment batch for the failed lines.
 */
export function BankTab({
  cycle,
  onChanged,
  onRepayment,
}: {
  cycle: CycleDetail;
  onChanged: (text: string) => void;
  onRepayment: (created: Cycle, text: string) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mayBank = can(user.role, 'payments.bank');
  const mayRepay = can(user.role, 'payments.create');
  const bankable = BANKABLE.includes(cycle.status);
  const [fileError, setFileError] = useState<string | null>(null);
  const [result, setResult] = useState<(ReconciliationResult & { fileName: string }) | null>(null);

  const reconcile = useMutation({
    mutationFn: (file: File) => importReconciliation(cycle.id, file),
    onSuccess: (r, file) => {
      setResult({ ...r, fileName: file.name });
      onChanged(t('payments.reconciled', { ...r, name: file.name }));
    },
  });
  const repayment = useMutation({
    mutationFn: () => createRepayment(cycle.id),
    onSuccess: (created) =>
      onRepayment(
        created,
        t('payments.repaymentCreated', {
          name: cycleName(t, { ...created, programName: created.programName ?? cycle.programName }),
          count: created.count,
          total: formatFen(created.totalCents),
        }),
      ),
  });

  const failed = cycle.lines.byStatus.failed;
  const refusal = reconcile.error;
  return (
    <section aria-label={t('payments.tabs.bank')}>
      <h2 className="section-title">{t('payments.bankFileTitle')}</h2>
      {!mayBank ? (
        <Typography.Paragraph>{t('payments.bankFinanceOnly')}</Typography.Paragraph>
      ) : !bankable ? (
        <Typography.Paragraph>{t('payments.bankNotApproved')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>{t('payments.bankFileHint')}</Typography.Paragraph>
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <Button href={bankFileUrl(cycle.id, 'xlsx')} download icon={<DownloadOutlined aria-hidden />}>
              {t('payments.downloadXlsx')}
            </Button>
            <Button href={bankFileUrl(cycle.id, 'csv')} download icon={<DownloadOutlined aria-hidden />}>
              {t('payments.downloadCsv')}
            </Button>
          </Flex>
        </>
      )}

      <h2 className="section-title">{t('payments.reconcileTitle')}</h2>
      {mayBank && bankable ? (
        <>
          <Typography.Paragraph>{t('payments.reconcileHint')}</Typography.Paragraph>
          {fileError ? <Alert type="error" showIcon title={fileError} style={{ marginBottom: 12 }} /> : null}
          {refusal ? (
            <ReturnFileErrors
              message={refusal instanceof Error ? refusal.message : String(refusal)}
              errors={rowErrors(refusal)}
            />
          ) : null}
          {result ? (
            <Alert
              type={result.failed > 0 ? 'warning' : 'success'}
              showIcon
              title={t('payments.reconciledTitle', { name: result.fileName })}
              description={
                <Descriptions
                  size="small"
                  column={4}
                  items={[
                    { key: 'paid', label: t('payments.markedPaid'), children: result.paid },
                    { key: 'failed', label: t('payments.markedFailed'), children: result.failed },
                    { key: 'unchanged', label: t('payments.unchanged'), children: result.unchanged },
                    { key: 'pending', label: t('payments.stillPending'), children: result.pending },
                  ]}
                />
              }
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={reconcile.isPending}
            beforeUpload={(file) => {
              setFileError(null);
              setResult(null);
              reconcile.reset();
              if (!RETURN_FILE.test(file.name)) setFileError(t('payments.returnFileType'));
              else reconcile.mutate(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />} loading={reconcile.isPending}>
              {t('payments.uploadReturnFile')}
            </Button>
          </Upload>
        </>
      ) : (
        <Typography.Paragraph>
          {mayBank ? t('payments.bankNotApproved') : t('payments.bankFinanceOnly')}
        </Typography.Paragraph>
      )}

      <h2 className="section-title">{t('payments.repaymentTitle')}</h2>
      <Typography.Paragraph>
        {t('payments.failedLines', { count: failed.count, total: formatFen(failed.amountCents) })}
      </Typography.Paragraph>
      {repayment.error ? (
        <Alert type="error" showIcon title={repayment.error.message} style={{ marginBottom: 12 }} />
      ) : null}
      {mayRepay && bankable && failed.count > 0 ? (
        <Button onClick={() => repayment.mutate()} loading={repayment.isPending}>
          {t('payments.createRepayment')}
        </Button>
      ) : null}
    </section>
  );
}
