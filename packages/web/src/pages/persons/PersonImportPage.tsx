import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Progress, Radio, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { importPersons, PERSON_TEMPLATE_URL } from '../../api/imports';
import { getJob, isJobFinished } from '../../api/jobs';
import type { ImportMode, PersonImportResult, RowError } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';

const POLL_INTERVAL_MS = 1000;
const ACCEPTED = /\.(xlsx|csv)$/i;

function ImportResult({ result, mode }: { result: PersonImportResult; mode: ImportMode }) {
  const { t } = useTranslation();
  const errors = result.errors ?? [];
  const errorCount = result.errorCount ?? errors.length;
  return (
    <>
      <Descriptions
        size="small"
        column={3}
        bordered
        items={[
          { key: 'imported', label: t('personImport.imported'), children: result.imported },
          { key: 'rejected', label: t('personImport.rejected'), children: result.rejected },
          { key: 'errorCount', label: t('personImport.errorCount'), children: errorCount },
        ]}
        style={{ marginBottom: 16 }}
      />
      {mode === 'strict' && errorCount > 0 && result.imported === 0 ? (
        <Alert type="warning" showIcon title={t('personImport.strictNothing')} style={{ marginBottom: 16 }} />
      ) : null}
      {result.errorReportUrl && errorCount > 0 ? (
        <Typography.Paragraph>
          <a href={result.errorReportUrl} download>
            <DownloadOutlined aria-hidden /> {t('personImport.errorReport')}
          </a>
          <br />
          <Typography.Text type="secondary">{t('personImport.errorReportHint')}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
      {errors.length > 0 ? (
        <>
          <h2 className="section-title">{t('personImport.errorsTitle', { count: errors.length })}</h2>
          <DataTable<RowError>
            label={t('personImport.errorsTitle', { count: errors.length })}
            size="small"
            rowKey={(error) => `${error.row}:${error.field}:${error.message}`}
            columns={[
              { title: t('personImport.row'), dataIndex: 'row', width: 80 },
              { title: t('personImport.column'), dataIndex: 'field', width: 140 },
              { title: t('personImport.error'), dataIndex: 'message' },
            ]}
            dataSource={errors}
            pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          />
        </>
      ) : null}
    </>
  );
}

/** Uploads a workbook of persons, then follows the import job once a second until it ends. */
export function PersonImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<ImportMode>('strict');
  const [jobId, setJobId] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: (file: File) => importPersons(file, mode),
    onSuccess: ({ jobId: id }) => setJobId(id),
  });

  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => getJob<PersonImportResult>(jobId!),
    enabled: jobId !== null,
    refetchInterval: (query) =>
      query.state.status === 'error' || isJobFinished(query.state.data) ? false : POLL_INTERVAL_MS,
  });
  const finished = isJobFinished(job.data);

  useEffect(() => {
    if (job.data?.status === 'succeeded') void queryClient.invalidateQueries({ queryKey: ['persons'] });
  }, [job.data?.status, queryClient]);

  const startOver = () => {
    setJobId(null);
    setFileError(null);
    upload.reset();
  };

  const progress = job.data?.progress ?? { done: 0, total: 0 };
  const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  const error = fileError ?? upload.error?.message ?? job.error?.message ?? null;
  const statusText =
    job.data?.status === 'queued' || !job.data
      ? t('personImport.queued')
      : job.data.status === 'failed'
        ? t('personImport.failed', { error: job.data.error ?? '' })
        : job.data.status === 'succeeded'
          ? t('personImport.succeeded')
          : t('personImport.progress', progress);

  return (
    <div className="form-page">
      <Typography.Paragraph>
        <Link to="/persons">
          <ArrowLeftOutlined aria-hidden /> {t('person.backToList')}
        </Link>
      </Typography.Paragraph>
      <PageTitle title={t('personImport.title')} />
      <Typography.Paragraph>{t('personImport.hint')}</Typography.Paragraph>
      <Typography.Paragraph>
        <a href={PERSON_TEMPLATE_URL} download>
          <DownloadOutlined aria-hidden /> {t('personImport.template')}
        </a>
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {jobId === null ? (
        <>
          <fieldset className="form-fieldset">
            <legend>{t('personImport.mode')}</legend>
            <Radio.Group
              value={mode}
              onChange={(event) => setMode(event.target.value as ImportMode)}
              disabled={upload.isPending}
              options={[
                { value: 'strict', label: t('personImport.strict') },
                { value: 'lenient', label: t('personImport.lenient') },
              ]}
            />
          </fieldset>
          <Upload.Dragger
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(file) => {
              setFileError(null);
              if (!ACCEPTED.test(file.name)) setFileError(t('personImport.onlyXlsxCsv'));
              else upload.mutate(file);
              return Upload.LIST_IGNORE; // we post the file ourselves, to get the job id back
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">
              {upload.isPending ? t('personImport.uploading') : t('personImport.chooseFile')}
            </p>
          </Upload.Dragger>
        </>
      ) : (
        <>
          <Progress
            percent={job.data?.status === 'succeeded' ? 100 : percent}
            status={job.data?.status === 'failed' ? 'exception' : finished ? 'success' : 'active'}
            aria-label={t('personImport.progressLabel')}
            format={() => `${progress.done}/${progress.total}`}
          />
          <p role="status" aria-live="polite">
            {statusText}
          </p>
          {finished && job.data?.result ? <ImportResult result={job.data.result} mode={mode} /> : null}
          {finished || job.isError ? (
            <Button onClick={startOver} style={{ marginTop: 16 }}>
              {t('personImport.importAnother')}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
