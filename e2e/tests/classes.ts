import { expect, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, logInAs } from './helpers';

// tutor1 teaches the demo algebra course, in which student3 (Usman) and student4 (Zainab) are enrolled. A class
// scheduled by a journey is new and only adds to their timetables, so the shared demo logins are safe to use.
export const TUTOR = 'tutor1@ustad.test';
export const STUDENTS = ['student3@ustad.test', 'student4@ustad.test'];

/** A page of its own browser context, logged in as `email`. */
export async function signedIn(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await logInAs(page, email, DEMO_PASSWORD);
  return page;
}

/** Schedules an algebra class starting now through the API, as the tutor; returns its id. */
export async function scheduleClassNow(tutor: Page, title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const login = await tutor.request.post('/api/v1/auth/login', { data: { email: TUTOR, password: DEMO_PASSWORD } });
  const { access } = (await login.json()) as { access: string };
  const now = Date.now();
  const created = await tutor.request.post('/api/v1/sessions', {
    headers: { Authorization: `Bearer ${access}` },
    data: {
      title,
      course: 'o-level-algebra-essentials',
      starts_at: new Date(now).toISOString(),
      ends_at: new Date(now + 60 * 60 * 1000).toISOString(),
      ...extra,
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }[])[0].id;
}
