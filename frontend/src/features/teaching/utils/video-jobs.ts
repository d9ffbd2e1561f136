import type { Lesson } from '@/api/types'
import type { UploadJob } from '@/lib/uploads/upload-job'

/**
 * Video uploads keep going when the lesson panel closes; reopening the panel
 * finds the running upload here by lesson id.
 */
export const videoJobs = new Map<string, UploadJob<Lesson>>()
