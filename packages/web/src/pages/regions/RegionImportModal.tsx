import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { importRegions, REGION_TEMPLATE_URL } from '../../api/regions';
import type { RegionImportResult, RowError } from '../../api/types';
import { ImportDropZone, JobProgress, JobStatusText } from '../../components/ImportJob';
import { useImportJob } from '../../lib/import-job';

const ACCEPTED = /\.xlsx$/i;

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
  const { jobId, job, finished, uploading, error, beforeUpload, startOver } = useImportJob<RegionImportResult>({
    post: importRegions,
    accepted: ACCEPTED,
    wrongFile: t('regions.onlyXlsx'),
    invalidates: 'regions',
  });

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
        <ImportDropZone
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          label={t('regions.chooseFile')}
          uploading={uploading}
          beforeUpload={beforeUpload}
        />
      ) : (
        <div aria-live="polite">
          <JobProgress job={job.data} />
          <Typography.Paragraph>
            <JobStatusText job={job.data} />
          </Typography.Paragraph>
          {finished && job.data?.result ? <ImportResult result={job.data.result} /> : null}
        </div>
      )}
    </Modal>
  );
}
