import { expect, test } from '@playwright/test';
import { scheduleClassNow, signedIn, STUDENTS, TUTOR } from './classes';
import { a11yViolations, shot } from './helpers';

test('a tutor admits two students from the waiting room; they chat, raise hands and the tutor ends the class', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Live doubts ${Date.now()}`;
  const tutor = await signedIn(browser, TUTOR);
  const id = await scheduleClassNow(tutor, title, { waiting_room: true });
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
