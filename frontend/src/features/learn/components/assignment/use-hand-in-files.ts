import { useEffect, useRef, useState } from 'react'

import { startUploadJob, type UploadJob } from '@/lib/uploads/upload-job'

import { uploadKindFor, type SubmissionKind } from './file-kinds'

/** One picked file and its current upload (a retry replaces the job, the entry stays). */
export interface HandInFile {
  key: number
  file: File
  job: UploadJob
}

let nextKey = 1

function sameFile(a: File, b: File): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified
}

/**
 * The files picked for a hand-in, each uploaded at once with the resumable uploader. Uploads left
 * running when the form goes away are stopped; they stay resumable for the next visit.
 */
export function useHandInFiles(allowed: readonly SubmissionKind[]) {
  const [files, setFiles] = useState<HandInFile[]>([])
  const latest = useRef(files)
  useEffect(() => {
    latest.current = files
  }, [files])
  useEffect(() => () => latest.current.forEach((entry) => entry.job.cancel()), [])

  const start = (file: File) => startUploadJob(file, { kind: uploadKindFor(file.name, allowed) })
  const withNewJob = (entry: HandInFile): HandInFile => {
    entry.job.cancel()
    return { ...entry, job: start(entry.file) }
  }

  return {
    files,
    /** Adds files not picked already (the same file twice would share one resumable upload). */
    add: (picked: File[]) => {
      const fresh = picked.filter(
        (file, index) =>
          !files.some((entry) => sameFile(entry.file, file)) &&
          picked.findIndex((other) => sameFile(other, file)) === index,
      )
      const added = fresh.map((file) => ({ key: nextKey++, file, job: start(file) }))
      setFiles((current) => [...current, ...added])
    },
    retry: (key: number) => {
      const entry = files.find((candidate) => candidate.key === key)
      if (!entry) return
      const restarted = withNewJob(entry)
      setFiles((current) => current.map((candidate) => (candidate.key === key ? restarted : candidate)))
    },
    remove: (key: number) => {
      files.find((entry) => entry.key === key)?.job.cancel()
      setFiles((current) => current.filter((entry) => entry.key !== key))
    },
    /** Send every file again as a new upload (the server had already taken the earlier ones). */
    restartAll: () => setFiles(files.map(withNewJob)),
    clear: () => {
      files.forEach((entry) => entry.job.cancel())
      setFiles([])
    },
  }
}

/**
 * Waits for every upload to end and returns the finished uploads' ids in order, or null when any
 * failed or was stopped (the rows say which).
 */
export async function finishedUploadIds(files: readonly HandInFile[]): Promise<string[] | null> {
  const results = await Promise.allSettled(files.map((entry) => entry.job.promise))
  const ids: string[] = []
  for (const result of results) {
    if (result.status !== 'fulfilled') return null
    ids.push(result.value.id)
  }
  return ids
}
