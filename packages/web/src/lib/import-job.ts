import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Upload } from 'antd';
import { useEffect, useState } from 'react';
import { isJobFinished, useJobPolling } from '../api/jobs';

type Options = {
  /** Posts the file; the import runs as a job whose id comes back. */
  post: (file: File) => Promise<{ jobId: string }>;
  /** The file names taken; any other file is refused with the message `wrongFile`. */
  accepted: RegExp;
  wrongFile: string;
  /** The first part of the query keys whose data a successful import changes. */
  invalidates: string;
};

/** A file uploaded to start an import job, then the job followed once a second until it ends. */
export function useImportJob<R>({ post, accepted, wrongFile, invalidates }: Options) {
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: post,
    onSuccess: ({ jobId: id }) => setJobId(id),
  });

  const job = useJobPolling<R>(jobId);

  useEffect(() => {
    if (job.data?.status === 'succeeded') void queryClient.invalidateQueries({ queryKey: [invalidates] });
  }, [job.data?.status, queryClient, invalidates]);

  /** Upload's `beforeUpload`. */
  const beforeUpload = (file: File) => {
    setFileError(null);
    if (!accepted.test(file.name)) setFileError(wrongFile);
    else upload.mutate(file);
    return Upload.LIST_IGNORE; // we post the file ourselves, to get the job id back
  };

  const startOver = () => {
    setJobId(null);
    setFileError(null);
    upload.reset();
  };

  return {
    jobId,
    job,
    finished: isJobFinished(job.data),
    uploading: upload.isPending,
    error: fileError ?? upload.error?.message ?? job.error?.message ?? null,
    beforeUpload,
    startOver,
  };
}
