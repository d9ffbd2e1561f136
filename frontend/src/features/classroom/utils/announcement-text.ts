import type { TFunction } from 'i18next'

import type { Announcement } from './announcements'

/** The words a screen reader hears for an announcement, in the viewer's language. */
export function announcementText(t: TFunction, said: Announcement): string {
  switch (said.kind) {
    case 'chat':
      return said.toTutors
        ? t('classroom.announce.privateChat', { name: said.name, body: said.body })
        : t('classroom.announce.chat', { name: said.name, body: said.body })
    case 'hand':
      return t('classroom.announce.hand', { name: said.name })
    case 'waiting':
      return t('classroom.announce.waiting', { name: said.name })
    case 'pollOpened':
      return t('classroom.announce.pollOpened', { question: said.question })
    case 'pollClosed':
      return t('classroom.announce.pollClosed', { question: said.question })
    case 'question':
      return said.name ? t('classroom.announce.question', { name: said.name }) : t('classroom.announce.questionAnonymous')
    case 'breakoutStarted':
      if (said.room !== null) return t('classroom.announce.breakoutRoom', { number: said.room })
      return said.choose ? t('classroom.announce.breakoutChoose') : t('classroom.announce.breakoutMain')
    case 'moved':
      return said.room !== null
        ? t('classroom.announce.movedRoom', { number: said.room })
        : t('classroom.announce.movedMain')
    case 'broadcast':
      return t('classroom.announce.broadcast', { body: said.body })
    case 'help':
      return t('classroom.breakout.helpCall', {
        name: said.name ?? t('classroom.breakout.aStudent'),
        number: said.room ?? '?',
      })
    case 'visit':
      return t('classroom.announce.visit', { name: said.name })
    case 'breakoutEnded':
      return said.tutor ? t('classroom.announce.breakoutEndedTutor') : t('classroom.breakout.backInMain')
  }
}
