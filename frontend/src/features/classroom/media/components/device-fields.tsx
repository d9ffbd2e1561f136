import { useTranslation } from 'react-i18next'

import { Field } from '@/components/ui/field'

import { chosenDevice, type DeviceOption } from '../devices'
import type { MediaRoomValue } from '../media-room-context'

const selectClass =
  'block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 text-base text-slate-900 disabled:bg-slate-100'

function DeviceSelect({
  label,
  options,
  value,
  onChange,
}: {
  label: string
  options: DeviceOption[]
  value: string | null
  onChange: (deviceId: string | null) => void
}) {
  const { t } = useTranslation()
  return (
    <Field label={label}>
      {(control) => (
        <select
          {...control}
          className={selectClass}
          value={chosenDevice(options, value) ?? ''}
          disabled={options.length === 0}
          onChange={(event) => onChange(event.target.value || null)}
        >
          <option value="">{options.length === 0 ? t('media.devices.none') : t('media.devices.default')}</option>
          {options.map((option) => (
            <option key={option.deviceId} value={option.deviceId}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/** Speakers can be chosen only where the browser lets a page pick one (`setSinkId`). */
function canPickSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype
}

/** Camera, microphone and speaker choices; each is remembered on this device. */
export function DeviceFields({ media }: { media: MediaRoomValue }) {
  const { t } = useTranslation()
  return (
    <div className="grid gap-3">
      <DeviceSelect
        label={t('media.devices.camera')}
        options={media.devices.videoInput}
        value={media.prefs.videoInput}
        onChange={(id) => media.switchDevice('videoInput', id)}
      />
      <DeviceSelect
        label={t('media.devices.microphone')}
        options={media.devices.audioInput}
        value={media.prefs.audioInput}
        onChange={(id) => media.switchDevice('audioInput', id)}
      />
      {canPickSpeaker() && media.devices.audioOutput.length > 0 && (
        <DeviceSelect
          label={t('media.devices.speaker')}
          options={media.devices.audioOutput}
          value={media.prefs.audioOutput}
          onChange={(id) => media.switchDevice('audioOutput', id)}
        />
      )}
    </div>
  )
}

/** An on/off switch with its label (a checkbox with the switch role, so it is announced as one). */
export function Switch({
  label,
  hint,
  checked,
  onChange,
  disabled,
}: {
  label: string
  hint?: string
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
}) {
  return (
    <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
      <input
        type="checkbox"
        role="switch"
        className="mt-1 size-5 shrink-0 accent-brand-700"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>
        <span className="block font-medium text-slate-900">{label}</span>
        {hint && <span className="block text-sm text-slate-600">{hint}</span>}
      </span>
    </label>
  )
}
