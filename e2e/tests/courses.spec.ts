import { expect, test } from '@playwright/test';
import { logIn, logInAs, shot, signUp, uniqueEmail, verifyFromMail } from './helpers';

test('a student finds a course by a misspelt search, enrols, watches and resumes the lecture', async ({ page }) => {
  const email = uniqueEmail('learner');
  const password = 'learner-password-e2e';
  await signUp(page, { email, password, first: 'Usman', last: 'Tariq' });
  await verifyFromMail(page, email);
  await logIn(page, email, password);
  await expect(page).toHaveURL(/\/tutors/);

  await page.goto('/courses');
  await page.getByRole('search', { name: 'Search courses' }).getByLabel('Search').fill('pyhton');
  await page.getByRole('search', { name: 'Search courses' }).getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/search=pyhton/);
  const card = page.getByRole('link', { name: /Python from zero/ }).first();
  await expect(card).toBeVisible();
  await shot(page, '10-catalogue-search');
  await card.click();

  await expect(page.getByRole('heading', { name: 'Python from zero', level: 1 })).toBeVisible();
  await shot(page, '11-course-page');
  await page.getByRole('button', { name: 'Enrol for free' }).click();
  await expect(page).toHaveURL(/\/learn\/python-from-zero/);

  await page.getByRole('link', { name: /Your first program \(lecture\)/ }).first().click();
  const video = page.locator('video');
  await expect(video).toBeVisible();
  await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play();
  });
  await expect.poll(async () => video.evaluate((element: HTMLVideoElement) => element.currentTime),
    { timeout: 20_000 }).toBeGreaterThan(3);
  await video.evaluate((element: HTMLVideoElement) => element.pause()); // pausing saves the position
  const position = await video.evaluate((element: HTMLVideoElement) => element.currentTime);
  await page.waitForTimeout(1000);
  await shot(page, '12-lesson-player');

  await page.reload();
  await expect(video).toBeVisible();
  await expect.poll(async () => video.evaluate((element: HTMLVideoElement) => element.currentTime),
    { timeout: 15_000 }).toBeGreaterThan(position - 2);

  await page.getByRole('link', { name: /Slides: week 1/ }).first().click();
  const download = page.getByRole('button', { name: /Download/ }).first();
  await expect(download).toBeVisible();
  await page.goto('/my/courses');
  await expect(page.getByRole('link', { name: /Continue|Start/ }).first()).toBeVisible();
  await expect(page.getByText('Python from zero').first()).toBeVisible();
});

test('a tutor starts a course and sees what it needs before publishing', async ({ page }) => {
  const email = uniqueEmail('builder');
  await signUp(page, { email, password: 'builder-password-e2e', first: 'Nadia', last: 'Aslam', tutor: true });
  await verifyFromMail(page, email);
  await logInAs(page, email, 'builder-password-e2e');
  await page.goto('/teaching/new');
  await page.getByLabel('Title', { exact: true }).fill('Trigonometry in one weekend');
  await page.getByRole('button', { name: /Create/ }).click();
  await expect(page).toHaveURL(/\/teaching\/trigonometry-in-one-weekend/);
  await page.goto('/teaching/trigonometry-in-one-weekend?tab=publish');
  await expect(page.getByText('Add a cover image.')).toBeVisible();
  await expect(page.getByText('Add at least one lesson.')).toBeVisible();
  await shot(page, '13-builder-publish-check');
});
