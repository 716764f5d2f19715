import { InboxOutlined } from '@ant-design/icons';
import { Progress, Upload, type UploadProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isJobFinished } from '../api/jobs';
import type { Job } from '../api/types';

type DropZoneProps = {
  accept: string;
  /** The hint to choose a file, shown until the upload starts. */
  label: string;
  /** From useImportJob. */
  uploading: boolean;
  beforeUpload: NonNullable<UploadProps['beforeUpload']>;
};

/** Where the file to import is dropped or chosen; one file, posted by `beforeUpload` itself. */
export function ImportDropZone({ accept, label, uploading, beforeUpload }: DropZoneProps) {
  const { t } = useTranslation();
  return (
    <Upload.Dragger
      accept={accept}
      multiple={false}
      showUploadList={false}
      disabled={uploading}
      beforeUpload={beforeUpload}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined aria-hidden />
      </p>
      <p className="ant-upload-text">{uploading ? t('importJob.uploading') : label}</p>
    </Upload.Dragger>
  );
}

/** An import job's progress bar: rows done of all, green once it succeeded, red when it failed. */
export function JobProgress({ job }: { job: Job<unknown> | undefined }) {
  const { t } = useTranslation();
  const progress = job?.progress ?? { done: 0, total: 0 };
  const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  return (
    <Progress
      percent={job?.status === 'succeeded' ? 100 : percent}
      status={job?.status === 'failed' ? 'exception' : isJobFinished(job) ? 'success' : 'active'}
      aria-label={t('importJob.progressLabel')}
      format={() => `${progress.done}/${progress.total}`}
    />
  );
}

/** Where an import job stands, in words. */
export function JobStatusText({ job }: { job: Job<unknown> | undefined }) {
  const { t } = useTranslation();
  if (!job || job.status === 'queued') return t('importJob.queued');
  if (job.status === 'failed') return t('importJob.failed', { error: job.error ?? '' });
  if (job.status === 'succeeded') return t('importJob.succeeded');
  return t('importJob.progress', job.progress);
}
