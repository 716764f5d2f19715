import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJob, isJobFinished } from '../../api/jobs';
import { importRegions, REGION_TEMPLATE_URL } from '../../api/regions';
import type { RegionImportResult, RowError } from '../../api/types';

const POLL_INTERVAL_MS = 1000;

function ImportResult({ result }: { result: RegionImportResult }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions
        size="small"
        column={3}
        bordered
        items={[
          { key: 'imported', label: t('regions.imported'), children: result.imported },
          { key: 'updated', label: t('regions.updated'), children: result.updated },
          { key: 'rejected', label: t('regions.rejected'), children: result.rejected },
        ]}
        style={{ marginBottom: 16 }}
      />
      {result.errors.length > 0 ? (
        <Table<RowError>
          size="small"
          rowKey={(error) => `${error.row}:${error.field}:${error.message}`}
          caption={t('regions.errorsTitle', { count: result.errors.length })}
          columns={[
            { title: t('regions.row'), dataIndex: 'row', width: 80 },
            { title: t('regions.field'), dataIndex: 'field', width: 120 },
            { title: t('regions.message'), dataIndex: 'message' },
          ]}
          dataSource={result.errors}
          pagination={result.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        />
      ) : null}
    </>
  );
}

/** Uploads a region workbook, then follows the import job once a second until it ends. */
export function RegionImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: importRegions,
    onSuccess: ({ jobId: id }) => setJobId(id),
  });

  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => getJob<RegionImportResult>(jobId!),
    enabled: jobId !== null,
    refetchInterval: (query) =>
      query.state.status === 'error' || isJobFinished(query.state.data) ? false : POLL_INTERVAL_MS,
  });
  const finished = isJobFinished(job.data);

  useEffect(() => {
    if (job.data?.status === 'succeeded') void queryClient.invalidateQueries({ queryKey: ['regions'] });
  }, [job.data?.status, queryClient]);

  const startOver = () => {
    setJobId(null);
    setFileError(null);
    upload.reset();
  };

  const progress = job.data?.progress ?? { done: 0, total: 0 };
  const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  const error = fileError ?? upload.error?.message ?? job.error?.message ?? null;

  return (
    <Modal
      open={open}
      title={t('regions.importTitle')}
      width={720}
      onCancel={onClose}
      afterClose={startOver}
      footer={
        <Space>
          {finished ? <Button onClick={startOver}>{t('regions.importAnother')}</Button> : null}
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('regions.importHint')}</Typography.Paragraph>
      <Typography.Paragraph>
        <a href={REGION_TEMPLATE_URL} download>
          <DownloadOutlined aria-hidden /> {t('regions.template')}
        </a>
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {jobId === null ? (
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            setFileError(null);
            if (!file.name.toLowerCase().endsWith('.xlsx')) {
              setFileError(t('regions.onlyXlsx'));
            } else {
              upload.mutate(file);
            }
            return Upload.LIST_IGNORE; // we post the file ourselves, to get the job id back
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{upload.isPending ? t('regions.uploading') : t('regions.chooseFile')}</p>
        </Upload.Dragger>
      ) : (
        <div aria-live="polite">
          <Progress
            percent={job.data?.status === 'succeeded' ? 100 : percent}
            status={job.data?.status === 'failed' ? 'exception' : finished ? 'success' : 'active'}
            aria-label={t('regions.progressLabel')}
            format={() => `${progress.done}/${progress.total}`}
          />
          <Typography.Paragraph>
            {job.data?.status === 'queued' || !job.data
              ? t('regions.queued')
              : job.data.status === 'failed'
                ? t('regions.failed', { error: job.data.error ?? '' })
                : job.data.status === 'succeeded'
                  ? t('regions.succeeded')
                  : t('regions.progress', progress)}
          </Typography.Paragraph>
          {finished && job.data?.result ? <ImportResult result={job.data.result} /> : null}
        </div>
      )}
    </Modal>
  );
}
