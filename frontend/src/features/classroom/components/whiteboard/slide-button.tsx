import { useRef, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'

import { BOARD_IMAGE_TYPES } from '../../utils/board-files'

/** "Add slide page": chooses an image, which becomes a new page with the image locked underneath. */
export function SlideButton({ busy, onChoose }: { busy: boolean; onChoose: (file: File) => void }) {
  const { t } = useTranslation()
  const inputRef = useRef<HTMLInputElement>(null)

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    // Choosing the same picture again should work too.
    event.target.value = ''
    if (file) onChoose(file)
  }

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        loading={busy}
        loadingText={t('whiteboard.slide.adding')}
        onClick={() => inputRef.current?.click()}
      >
        {t('whiteboard.slide.add')}
      </Button>
      <input
        ref={inputRef}
        type="file"
        accept={BOARD_IMAGE_TYPES.join(',')}
        aria-label={t('whiteboard.slide.choose')}
        tabIndex={-1}
        className="sr-only"
        onChange={onChange}
      />
    </>
  )
}
