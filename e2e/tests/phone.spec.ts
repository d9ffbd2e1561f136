import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, logInAs, shot } from './helpers';

test('on a phone-sized screen the menu, directory and profile are usable', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Tutors' }).click();
  await expect(page.getByRole('heading', { name: 'Find a tutor' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'phone-01-tutors');

  await logInAs(page, 'student1@ustad.test', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByLabel('Headline')).toBeVisible();
  await shot(page, 'phone-02-profile');
});
