import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Select } from '@/components/ui/input'

import type { ChatRoomId, ChatRoomOption } from '../../utils/chat-rooms'

const MAIN = 'main'

/** Tutors hear every breakout room: this picks whose chat to read. */
export function ChatRoomSelect({
  options,
  value,
  onChange,
}: {
  options: readonly ChatRoomOption[]
  value: ChatRoomId
  onChange: (roomId: ChatRoomId) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const labels: string[] = []
  let earlier = 0
  for (const option of options) {
    if (option.roomId === null) labels.push(t('classroom.chat.mainRoom'))
    else if (option.number !== null) labels.push(t('classroom.breakout.roomName', { number: option.number }))
    else labels.push(t('classroom.chat.earlierRoom', { index: (earlier += 1) }))
  }
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="font-medium text-slate-900">
        {t('classroom.chat.roomSelect')}
      </label>
      <Select
        id={id}
        value={value ?? MAIN}
        onChange={(event) => onChange(event.target.value === MAIN ? null : event.target.value)}
        className="w-auto min-w-40 flex-1"
      >
        {options.map((option, index) => (
          <option key={option.roomId ?? MAIN} value={option.roomId ?? MAIN}>
            {labels[index]}
          </option>
        ))}
      </Select>
    </div>
  )
}
