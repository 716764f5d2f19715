import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { importPersons, PERSON_TEMPLATE_URL } from '../../api/imports';
import type { ImportMode, PersonImportResult, RowError } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ImportDropZone, JobProgress, JobStatusText } from '../../components/ImportJob';
import { PageTitle } from '../../components/PageTitle';
import { useImportJob } from '../../lib/import-job';

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
  const [mode, setMode] = useState<ImportMode>('strict');
  const { jobId, job, finished, uploading, error, beforeUpload, startOver } = useImportJob<PersonImportResult>({
    post: (file) => importPersons(file, mode),
    accepted: ACCEPTED,
    wrongFile: t('personImport.onlyXlsxCsv'),
    invalidates: 'persons',
  });

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
              disabled={uploading}
              options={[
                { value: 'strict', label: t('personImport.strict') },
                { value: 'lenient', label: t('personImport.lenient') },
              ]}
            />
          </fieldset>
          <ImportDropZone
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            label={t('personImport.chooseFile')}
            uploading={uploading}
            beforeUpload={beforeUpload}
          />
        </>
      ) : (
        <>
          <JobProgress job={job.data} />
          <p role="status" aria-live="polite">
            <JobStatusText job={job.data} />
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
