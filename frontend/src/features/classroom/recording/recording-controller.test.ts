import { describe, expect, it, vi } from 'vitest'

import { ApiError } from '@/lib/errors'
import { buildRecording } from '@/testing/recording-factories'

import { recordingMemory } from './part-number'
import type { RecorderOptions } from './recorder'
import { isBehind, RecordingController, type ControllerDeps, type RecorderEngine } from './recording-controller'

const SESSION = 'c1a55000-0000-4000-8000-000000000001'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  }
}

/** A controller with stand-ins for the REST calls and the recorder; `engines` holds each recorder made. */
function setUp(overrides: Partial<ControllerDeps> = {}, storage = { shared: memoryStorage(), tab: memoryStorage() }) {
  const order: string[] = []
  const engines: { options: RecorderOptions; engine: RecorderEngine & Record<string, ReturnType<typeof vi.fn>> }[] = []
  const recording = buildRecording({ id: 'rec-1', status: 'recording', started_at: '2026-12-04T12:00:00Z' })
  const deps: ControllerDeps = {
    sessionId: SESSION,
    memory: recordingMemory(storage.shared, storage.tab),
    startRecording: vi.fn(() => Promise.resolve({ recording, resumed: false })),
    stopRecording: vi.fn(() => {
      order.push('stop')
      return Promise.resolve({ ...recording, status: 'processing' as const })
    }),
    uploadChunk: vi.fn(() => Promise.resolve('done' as const)),
    createRecorder: (options) => {
      const engine = {
        start: vi.fn(() => order.push('record')),
        finish: vi.fn(() => {
          order.push('flush')
          return Promise.resolve(true)
        }),
        abandon: vi.fn(),
        resumeAudio: vi.fn(),
      }
      engines.push({ options, engine })
      return engine
    },
    now: () => Date.parse('2026-12-04T12:00:30Z'),
    pause: () => Promise.resolve(),
    ...overrides,
  }
  const controller = new RecordingController(deps)
  const onError = vi.fn()
  controller.configure({
    sources: () => ({ screen: null, camera: null, stage: null, audio: [] }),
    title: () => 'Algebra live',
    onError,
  })
  return { controller, deps, engines, order, onError, storage, memory: deps.memory }
}

describe('recording controller', () => {
  it('starts a new recording as part 0 and remembers it for this tab', async () => {
    const { controller, engines, memory } = setUp()
    await controller.start()
    expect(engines).toHaveLength(1)
    expect(engines[0]!.options.part).toBe(0)
    expect(engines[0]!.engine.start).toHaveBeenCalled()
    expect(controller.getSnapshot()).toMatchObject({ phase: 'recording', activeId: 'rec-1' })
    expect(memory.lastPart('rec-1')).toBe(0)
    expect(memory.tabRecording(SESSION)).toBe('rec-1')
  })

  it('uploads each chunk to the recording it belongs to', async () => {
    const { controller, engines, deps } = setUp()
    await controller.start()
    const chunk = { part: 0, index: 3, blob: new Blob(['x']) }
    await engines[0]!.options.upload(chunk)
    expect(deps.uploadChunk).toHaveBeenCalledWith(SESSION, 'rec-1', chunk)
  })

  it('continues a running recording (409 already_recording) after the last part this browser used', async () => {
    const running = buildRecording({ id: 'rec-1', status: 'recording', started_at: '2026-12-04T12:00:00Z' })
    const { controller, engines, memory } = setUp({
      startRecording: vi.fn(() => Promise.resolve({ recording: running, resumed: true })),
    })
    memory.usePart('rec-1', 4)
    await controller.start()
    expect(engines[0]!.options.part).toBe(5)
    expect(memory.lastPart('rec-1')).toBe(5)
  })

  it('stops by uploading the last chunks first, then telling the server, then waits for processing', async () => {
    const { controller, engines, deps, order, memory } = setUp()
    await controller.start()
    await controller.stop(null)
    expect(engines[0]!.engine.finish).toHaveBeenCalled()
    expect(order).toEqual(['record', 'flush', 'stop'])
    expect(deps.stopRecording).toHaveBeenCalledWith(SESSION, 'rec-1')
    expect(controller.getSnapshot()).toMatchObject({ phase: 'processing', processingId: 'rec-1', activeId: null })
    expect(memory.tabRecording(SESSION)).toBeNull()
    expect(memory.lastPart('rec-1')).toBeNull()
  })

  it('tries the stop again when it fails, and says so after three tries', async () => {
    let calls = 0
    const failing = vi.fn(() => {
      calls += 1
      return calls < 3
        ? Promise.reject(new ApiError({ status: 0, code: 'network_error', message: 'offline' }))
        : Promise.resolve(buildRecording({ id: 'rec-1', status: 'processing' }))
    })
    const { controller } = setUp({ stopRecording: failing })
    await controller.start()
    await controller.stop(null)
    expect(failing).toHaveBeenCalledTimes(3)
    expect(controller.getSnapshot().phase).toBe('processing')

    const { controller: other, onError } = setUp({
      stopRecording: vi.fn(() => Promise.reject(new ApiError({ status: 500, code: 'server_error', message: 'down' }))),
    })
    await other.start()
    await other.stop(null)
    expect(onError).toHaveBeenCalledWith(expect.any(ApiError), 'stop')
    expect(other.getSnapshot().phase).toBe('idle')
  })

  it('stops a recording made in another window without recording here', async () => {
    const { controller, deps, engines } = setUp()
    await controller.stop('rec-9')
    expect(engines).toHaveLength(0)
    expect(deps.stopRecording).toHaveBeenCalledWith(SESSION, 'rec-9')
    expect(controller.getSnapshot()).toMatchObject({ phase: 'processing', processingId: 'rec-9' })
  })

  it('goes to processing when the server stops taking chunks', async () => {
    const { controller, engines } = setUp()
    await controller.start()
    engines[0]!.options.onStoppedElsewhere()
    expect(controller.getSnapshot()).toMatchObject({ phase: 'processing', processingId: 'rec-1' })
  })

  it('reports a refused start and stays idle', async () => {
    const refusal = new ApiError({ status: 409, code: 'session_not_live', message: 'Not live.' })
    const { controller, onError, engines } = setUp({ startRecording: vi.fn(() => Promise.reject(refusal)) })
    await controller.start()
    expect(onError).toHaveBeenCalledWith(refusal, 'start')
    expect(engines).toHaveLength(0)
    expect(controller.getSnapshot().phase).toBe('idle')
  })

  it('resumes by itself in a tab reloaded while it recorded, as a new part', async () => {
    const storage = { shared: memoryStorage(), tab: memoryStorage() }
    const first = setUp({}, storage)
    await first.controller.start()
    first.controller.dispose()
    expect(first.engines[0]!.engine.abandon).toHaveBeenCalled()

    // The reloaded page: the same tab's storage, the room says rec-1 is running.
    const reloaded = setUp({}, storage)
    reloaded.controller.follow({ id: 'rec-1', started_at: '2026-12-04T12:00:00Z' }, true)
    expect(reloaded.engines).toHaveLength(1)
    expect(reloaded.engines[0]!.options.part).toBe(1)
    expect(reloaded.controller.getSnapshot()).toMatchObject({ phase: 'recording', activeId: 'rec-1' })

    // Another tab (its own session storage) does not record by itself.
    const other = setUp({}, { shared: storage.shared, tab: memoryStorage() })
    other.controller.follow({ id: 'rec-1', started_at: '2026-12-04T12:00:00Z' }, true)
    expect(other.engines).toHaveLength(0)
  })

  it('lets go of its recording when the room says it stopped elsewhere', async () => {
    const { controller, engines } = setUp()
    controller.follow(null, true)
    await controller.start()
    controller.follow({ id: 'rec-1', started_at: '2026-12-04T12:00:00Z' }, true)
    expect(engines[0]!.engine.abandon).not.toHaveBeenCalled()
    controller.follow(null, true)
    expect(engines[0]!.engine.abandon).toHaveBeenCalled()
    expect(controller.getSnapshot()).toMatchObject({ phase: 'processing', processingId: 'rec-1' })
  })

  it('tells when recording waits for a click to let the audio play, and passes the click on', async () => {
    const { controller, engines } = setUp()
    await controller.start()
    engines[0]!.options.onWaiting!(true)
    expect(controller.getSnapshot().waiting).toBe(true)
    controller.resumeAudio()
    expect(engines[0]!.engine.resumeAudio).toHaveBeenCalled()
    engines[0]!.options.onWaiting!(false)
    expect(controller.getSnapshot().waiting).toBe(false)
  })

  it('says the upload is behind after three waiting chunks or two failures in a row', () => {
    const status = { pending: 0, failures: 0, uploaded: 0, skipped: 0, stopped: false }
    expect(isBehind(null)).toBe(false)
    expect(isBehind({ ...status, pending: 2 })).toBe(false)
    expect(isBehind({ ...status, pending: 3 })).toBe(true)
    expect(isBehind({ ...status, pending: 1, failures: 2 })).toBe(true)
  })
})
