import { Component, lazy, Suspense, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { Spinner } from '@/components/ui/spinner'

import { setExcalidrawAssetPath } from './excalidraw-assets'

/** The whiteboard's code (Excalidraw is most of it) loads only when a board is on stage. */
function loadWhiteboard() {
  return lazy(() => {
    setExcalidrawAssetPath()
    return import('./whiteboard')
  })
}

class LoadBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}

function BoardMessage({ children }: { children: ReactNode }) {
  return (
    <div className="flex size-full flex-col items-center justify-center gap-3 bg-white p-6 text-center text-slate-800">
      {children}
    </div>
  )
}

/** The whiteboard on the stage: loads on demand, with a loading state and a way back from a failed load. */
export function LazyWhiteboard() {
  const { t } = useTranslation()
  const [attempt, setAttempt] = useState(() => ({ key: 0, Whiteboard: loadWhiteboard() }))
  const { Whiteboard } = attempt

  const failed = (
    <BoardMessage>
      <p role="alert">{t('whiteboard.loadFailed')}</p>
      <Button variant="secondary" onClick={() => setAttempt((last) => ({ key: last.key + 1, Whiteboard: loadWhiteboard() }))}>
        {t('whiteboard.tryAgain')}
      </Button>
    </BoardMessage>
  )

  return (
    <LoadBoundary key={attempt.key} fallback={failed}>
      <Suspense
        fallback={
          <BoardMessage>
            <Spinner size="lg" label={t('whiteboard.loading')} className="text-brand-700" />
          </BoardMessage>
        }
      >
        <Whiteboard />
      </Suspense>
    </LoadBoundary>
  )
}
