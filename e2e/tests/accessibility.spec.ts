import { expect, test } from '@playwright/test';
import { a11yViolations as violations, DEMO_PASSWORD, logInAs } from './helpers';

const PUBLIC_PAGES = ['/', '/login', '/signup', '/forgot-password', '/tutors', '/no-such-page'];

for (const path of PUBLIC_PAGES) {
  test(`${path} has no WCAG 2.1 AA violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}

test('signed-in pages, in English and in Urdu, have no WCAG 2.1 AA violations', async ({ page }) => {
  await logInAs(page, 'tutor1@ustad.test', DEMO_PASSWORD);
  for (const path of ['/account/profile', '/account/password']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  }
  await page.getByLabel('Language', { exact: true }).first().selectOption('ur');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.goto('/tutors');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByLabel(/Language|زبان/).first().selectOption('en'); // leave the shared demo account as found
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('the keyboard reaches the skip link first and it moves focus to the content', async ({ page }) => {
  await page.goto('/tutors');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});
