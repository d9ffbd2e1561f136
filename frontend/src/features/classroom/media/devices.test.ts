import { describe, expect, it } from 'vitest'

import {
  chosenDevice,
  DEFAULT_PREFS,
  deviceProblem,
  groupDevices,
  loadPrefs,
  parsePrefs,
  PREFS_KEY,
  problemSummary,
  savePrefs,
} from './devices'

describe('remembered device choices', () => {
  it('reads what was saved and falls back on defaults for anything odd', () => {
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS)
    expect(parsePrefs('not json')).toEqual(DEFAULT_PREFS)
    expect(parsePrefs('[1,2]')).toEqual({ ...DEFAULT_PREFS })
    expect(parsePrefs(JSON.stringify({ videoInput: 'cam-2', audioInput: '', mic: false, camera: 'yes', audioOnly: true }))).toEqual({
      ...DEFAULT_PREFS,
      videoInput: 'cam-2',
      mic: false,
      audioOnly: true,
    })
  })

  it('saves to and loads from storage, and survives storage that throws', () => {
    const store = new Map<string, string>()
    const storage = { getItem: (key: string) => store.get(key) ?? null, setItem: (key: string, value: string) => void store.set(key, value) }
    savePrefs({ ...DEFAULT_PREFS, audioOutput: 'spk-1' }, storage)
    expect(store.has(PREFS_KEY)).toBe(true)
    expect(loadPrefs(storage).audioOutput).toBe('spk-1')
    const broken = {
      getItem: () => {
        throw new Error('blocked')
      },
      setItem: () => {
        throw new Error('full')
      },
    }
    expect(loadPrefs(broken)).toEqual(DEFAULT_PREFS)
    expect(() => savePrefs(DEFAULT_PREFS, broken)).not.toThrow()
  })
})

describe('device lists', () => {
  const fallback = (kind: MediaDeviceKind, index: number) => `${kind} ${index}`

  it('groups by kind, names unnamed devices and drops Chrome’s duplicate aliases', () => {
    const lists = groupDevices(
      [
        { kind: 'videoinput', deviceId: 'cam-1', label: 'Front camera' },
        { kind: 'videoinput', deviceId: 'cam-2', label: '' },
        { kind: 'audioinput', deviceId: 'default', label: 'Default - Headset' },
        { kind: 'audioinput', deviceId: 'communications', label: 'Communications - Headset' },
        { kind: 'audioinput', deviceId: 'mic-1', label: 'Headset' },
        { kind: 'audioinput', deviceId: 'mic-1', label: 'Headset' },
        { kind: 'audiooutput', deviceId: '', label: '' },
      ],
      fallback,
    )
    expect(lists.videoInput).toEqual([
      { deviceId: 'cam-1', label: 'Front camera' },
      { deviceId: 'cam-2', label: 'videoinput 2' },
    ])
    expect(lists.audioInput.map((d) => d.deviceId)).toEqual(['default', 'mic-1'])
    expect(lists.audioOutput).toEqual([])
  })

  it('keeps a remembered device only while it is still plugged in', () => {
    const options = [{ deviceId: 'cam-1', label: 'Camera' }]
    expect(chosenDevice(options, 'cam-1')).toBe('cam-1')
    expect(chosenDevice(options, 'cam-9')).toBeNull()
    expect(chosenDevice(options, null)).toBeNull()
  })
})

describe('device problems', () => {
  it('names what the browser’s errors mean', () => {
    expect(deviceProblem(new DOMException('no', 'NotAllowedError'))).toBe('denied')
    expect(deviceProblem(new DOMException('none', 'NotFoundError'))).toBe('missing')
    expect(deviceProblem(new DOMException('in use', 'NotReadableError'))).toBe('busy')
    expect(deviceProblem(new Error('odd'))).toBe('failed')
    expect(deviceProblem('nothing')).toBe('failed')
  })

  it('tells the most useful thing first', () => {
    expect(problemSummary(null, null)).toBeNull()
    expect(problemSummary('unsupported', 'unsupported')).toBe('unsupported')
    expect(problemSummary('denied', 'missing')).toBe('denied')
    expect(problemSummary('missing', 'missing')).toBe('noDevices')
    expect(problemSummary(null, 'busy')).toBe('busy')
    expect(problemSummary(null, 'missing')).toBe('noCamera')
    expect(problemSummary('missing', null)).toBe('noMicrophone')
    expect(problemSummary('failed', null)).toBe('failed')
  })
})
