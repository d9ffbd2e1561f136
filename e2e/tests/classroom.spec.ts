import { expect, test, type Browser, type Page } from '@playwright/test';
import { a11yViolations, DEMO_PASSWORD, logInAs, shot } from './helpers';

// The demo school's algebra course belongs to tutor1; student3 and student4 are enrolled in it. Entering a
// live class changes nothing about their accounts, so the shared demo logins are safe to use here.
const TUTOR = 'tutor1@ustad.test';
const STUDENTS = ['student3@ustad.test', 'student4@ustad.test'];

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logInAs(page, email, DEMO_PASSWORD);
  return page;
}

/** Schedules a class with a waiting room, starting now, through the API as the tutor. */
async function scheduleClass(tutor: Page, title: string): Promise<string> {
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
      waiting_room: true,
    },
  });
  expect(created.status()).toBe(201);
  const sessions = (await created.json()) as { id: string }[];
  return sessions[0].id;
}

test('a tutor admits two students from the waiting room; they chat, raise hands and the tutor ends the class', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Live doubts ${Date.now()}`;
  const tutor = await signedIn(browser, TUTOR);
  const id = await scheduleClass(tutor, title);
  await tutor.goto(`/classroom/${id}`);
  await expect(tutor.getByRole('heading', { level: 1, name: title })).toBeVisible();

  const [first, second] = [await signedIn(browser, STUDENTS[0]), await signedIn(browser, STUDENTS[1])];
  for (const student of [first, second]) {
    await student.goto(`/classroom/${id}`);
    await expect(student.getByRole('heading', { name: 'Waiting for the tutor to let you in' })).toBeVisible();
  }
  await shot(first, '30-classroom-waiting');
  expect(await a11yViolations(first)).toEqual([]);

  await tutor.getByRole('tab', { name: 'People' }).click();
  await tutor.getByRole('button', { name: /^Admit Usman/ }).click();
  await tutor.getByRole('button', { name: /^Admit Zainab/ }).click();
  for (const student of [first, second]) {
    await expect(student.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  await first.getByRole('tab', { name: 'Chat' }).click();
  await first.getByRole('textbox', { name: 'Message' }).fill('Assalam-o-alaikum! See https://docs.python.org/3/ for the docs.');
  await first.getByRole('button', { name: 'Send' }).click();
  const log = second.getByRole('log', { name: 'Chat messages' });
  await second.getByRole('tab', { name: 'Chat' }).click();
  await expect(log.getByText('Assalam-o-alaikum!')).toBeVisible();
  const link = log.getByRole('link', { name: 'https://docs.python.org/3/' });
  await expect(link).toHaveAttribute('rel', /noopener/);

  await second.getByRole('button', { name: 'Raise hand' }).click();
  await first.getByRole('button', { name: 'Raise hand' }).click();
  await expect(tutor.getByText(/number 1 in line/)).toBeVisible();
  await expect(tutor.getByText(/number 2 in line/)).toBeVisible();
  await shot(tutor, '31-classroom-tutor');
  expect(await a11yViolations(tutor)).toEqual([]);

  await tutor.getByRole('button', { name: 'End class for everyone' }).click();
  await tutor.getByRole('alertdialog').getByRole('button', { name: 'End class' }).click();
  for (const student of [first, second]) {
    await expect(student.getByRole('link', { name: 'Back to my courses' })).toBeVisible();
  }
  await shot(first, '32-classroom-ended');
});
