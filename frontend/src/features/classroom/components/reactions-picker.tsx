import { useTranslation } from 'react-i18next'

import { useAdmittedRoom } from '../hooks/room-context'
import { REACTIONS, type Reaction } from '../utils/protocol'
import { Popover } from './popover'
import { usePopoverClose } from './popover-context'

const NAMES = {
  '👍': 'thumbsUp',
  '👏': 'clap',
  '❤️': 'heart',
  '😂': 'laugh',
  '😮': 'surprised',
  '🎉': 'celebrate',
  '❓': 'question',
} as const satisfies Record<Reaction, string>

function ReactionGrid() {
  const { t } = useTranslation()
  const { act } = useAdmittedRoom()
  const close = usePopoverClose()
  return (
    <div role="group" aria-label={t('classroom.bar.reactions')} className="grid grid-cols-4 gap-1 sm:grid-cols-7">
      {REACTIONS.map((emoji) => (
        <button
          key={emoji}
          type="button"
          aria-label={t(`classroom.reactions.${NAMES[emoji]}`)}
          title={t(`classroom.reactions.${NAMES[emoji]}`)}
          onClick={() => {
            act({ type: 'reaction', emoji })
            close()
          }}
          className="flex size-11 items-center justify-center rounded text-2xl hover:bg-slate-100"
        >
          <span aria-hidden="true">{emoji}</span>
        </button>
      ))}
    </div>
  )
}

/** The seven reactions everyone may send; each floats over the stage for a moment. */
export function ReactionsPicker() {
  const { t } = useTranslation()
  return (
    <Popover
      placement="above"
      label={
        <>
          <span aria-hidden="true">😊</span>
          {t('classroom.bar.reactions')}
        </>
      }
    >
      <ReactionGrid />
    </Popover>
  )
}
