import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { signedIn, STUDENTS, TUTOR } from './classes';
import { a11yViolations, shot } from './helpers';

const COURSE = 'O-level mathematics: algebra';

/** The date and time `minutesAhead` from now on the wall clock of `zone`, as the form's inputs take them. */
function wallClock(zone: string, minutesAhead: number): { date: string; time: string } {
  const at = new Date(Date.now() + minutesAhead * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

async function enterFromMyClasses(page: Page, title: string): Promise<void> {
  await page.goto('/my/classes');
  const card = page.getByRole('listitem').filter({ hasText: title });
  await card.getByRole('link', { name: 'Enter class' }).click();
}

test('a tutor schedules a class, runs a poll, breakout rooms and the whiteboard, then reads the attendance', async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const title = `Equations live ${Date.now()}`;
  const tutor = await signedIn(browser, TUTOR);

  // Scheduling in the tutor's own zone (Asia/Karachi for the demo tutors).
  await tutor.goto('/teaching/classes');
  await tutor.getByRole('link', { name: 'Schedule a class' }).click();
  await tutor.getByLabel('Title').fill(title);
  await tutor.getByLabel('Course').selectOption({ label: COURSE });
  const start = wallClock('Asia/Karachi', 1);
  let end = wallClock('Asia/Karachi', 61);
  if (end.date !== start.date) end = { date: start.date, time: '23:59' };
  await tutor.getByLabel('Date', { exact: true }).fill(start.date);
  await tutor.getByLabel('Start time').fill(start.time);
  await tutor.getByLabel('End time').fill(end.time);
  await tutor.getByLabel('Waiting room').check();
  expect(await a11yViolations(tutor)).toEqual([]);
  await tutor.getByRole('button', { name: 'Schedule class' }).click();
  await expect(tutor.getByRole('list', { name: 'Your classes' }).getByRole('heading', { name: title })).toBeVisible();
  await shot(tutor, '40-live-class-scheduled');

  await enterFromMyClasses(tutor, title);
  await expect(tutor.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Both students find the class under My classes and wait until the tutor lets them in.
  const [usman, zainab] = [await signedIn(browser, STUDENTS[0]), await signedIn(browser, STUDENTS[1])];
  for (const student of [usman, zainab]) {
    await enterFromMyClasses(student, title);
    await expect(student.getByRole('heading', { name: 'Waiting for the tutor to let you in' })).toBeVisible();
  }
  await tutor.getByRole('tab', { name: 'People' }).click();
  await tutor.getByRole('button', { name: /^Admit Usman/ }).click();
  await tutor.getByRole('button', { name: /^Admit Zainab/ }).click();
  for (const student of [usman, zainab]) {
    await expect(student.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  // Chat.
  await usman.getByRole('tab', { name: 'Chat' }).click();
  await usman.getByRole('textbox', { name: 'Message' }).fill('Ready for the equations!');
  await usman.getByRole('button', { name: 'Send' }).click();
  await zainab.getByRole('tab', { name: 'Chat' }).click();
  await expect(zainab.getByRole('log', { name: 'Chat messages' }).getByText('Ready for the equations!')).toBeVisible();

  // A poll, answered by both, with live results.
  await tutor.getByRole('tab', { name: 'Polls' }).click();
  await tutor.getByLabel('Poll question').fill('Solve 2x + 3 = 11');
  await tutor.getByLabel('Option 1').fill('x = 4');
  await tutor.getByLabel('Option 2').fill('x = 7');
  await tutor.getByRole('button', { name: 'Start poll' }).click();
  for (const [student, answer] of [
    [usman, 'x = 4'],
    [zainab, 'x = 4'],
  ] as const) {
    await student.getByRole('tab', { name: 'Polls' }).click();
    await student.getByRole('radio', { name: answer }).check();
    await student.getByRole('button', { name: 'Vote' }).click();
    await expect(student.getByText('Your vote is in.', { exact: false })).toBeVisible();
  }
  await expect(tutor.getByText('2 votes · 100%')).toBeVisible();
  await shot(tutor, '41-live-class-poll');

  // Whiteboard: everyone joins the class without camera or microphone and puts the board on their stage;
  // the tutor draws a rectangle and both students see it arrive.
  for (const page of [tutor, usman, zainab]) await showBoard(page);
  await drawRectangle(tutor);
  for (const student of [usman, zainab]) {
    await expect(student.getByRole('region', { name: 'Whiteboard' })).toHaveAttribute('data-element-count', '1');
  }
  await shot(usman, '42-live-class-whiteboard');

  // Breakout rooms: the students are shared out, one calls for help, the tutor calls everyone back.
  await tutor.getByRole('button', { name: 'Breakout rooms' }).click();
  const dialog = tutor.getByRole('dialog', { name: 'Open breakout rooms' });
  await dialog.getByLabel('Number of rooms').fill('2');
  await dialog.getByLabel('Minutes').fill('10');
  await dialog.getByRole('button', { name: 'Open rooms' }).click();
  await expect(usman.getByText(/^You are in Room [12]$/)).toBeVisible();
  await expect(zainab.getByText(/^You are in Room [12]$/)).toBeVisible();
  await usman.getByRole('button', { name: 'Ask the tutor for help' }).click();
  await expect(usman.getByText("The tutor has been told.", { exact: false })).toBeVisible();
  await expect(tutor.getByText(/Usman .* in Room [12] asks for help/).first()).toBeVisible();
  await shot(tutor, '43-live-class-breakout-help');
  expect(await a11yViolations(tutor)).toEqual([]);
  await tutor.getByRole('button', { name: 'Close rooms' }).click();
  await tutor.getByRole('alertdialog').getByRole('button', { name: 'Close rooms' }).click();
  await expect(usman.getByText('Back in the main room', { exact: true }).first()).toBeVisible();

  await tutor.getByRole('button', { name: 'End class for everyone' }).click();
  await tutor.getByRole('alertdialog').getByRole('button', { name: 'End class' }).click();
  await expect(usman.getByRole('link', { name: 'Back to my courses' })).toBeVisible();

  // Attendance afterwards: both students were there; the report downloads as CSV.
  await tutor.goto('/teaching/classes');
  await tutor.getByRole('listitem').filter({ hasText: title }).getByRole('link', { name: /^Attendance/ }).click();
  const table = tutor.getByRole('table', { name: `Attendance of “${title}”` });
  await expect(table.getByRole('row').filter({ hasText: 'Usman' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Zainab' })).toBeVisible();
  expect(await a11yViolations(tutor)).toEqual([]);
  await shot(tutor, '44-live-class-attendance');
  const download = tutor.waitForEvent('download');
  await tutor.getByRole('button', { name: 'Download CSV' }).click();
  const csv = await readFile((await (await download).path())!, 'utf8');
  expect(csv).toContain('Usman');
  expect(csv).toContain('Zainab');
});

/** Past the device check without camera or microphone, with the whiteboard on the stage. */
async function showBoard(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Join without camera or microphone' }).click();
  await page.getByRole('group', { name: 'Show on stage' }).getByRole('button', { name: 'Whiteboard' }).click();
}

/** Picks the rectangle tool with its keyboard shortcut and drags one out on the board. */
async function drawRectangle(page: Page): Promise<void> {
  const board = page.getByRole('region', { name: 'Whiteboard' });
  await expect(board).toHaveAttribute('data-element-count', '0');
  const canvas = board.locator('canvas.excalidraw__canvas.interactive');
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
  await page.keyboard.press('r');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.55, { steps: 8 });
  await page.mouse.up();
  await expect(board).toHaveAttribute('data-element-count', '1');
}
