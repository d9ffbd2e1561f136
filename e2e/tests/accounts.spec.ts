import { expect, test } from '@playwright/test';
import { linkFromMail } from './mail';
import { DEMO_PASSWORD, logIn, pngBytes, shot, signUp, uniqueEmail, verifyFromMail } from './helpers';

test('a student signs up, verifies, stays logged in, edits the profile, changes and resets the password', async ({ page }) => {
  const email = uniqueEmail('student');
  const password = 'first-password-for-e2e';
  const changed = 'second-password-for-e2e';
  const reset = 'third-password-for-e2e';

  await signUp(page, { email, password, first: 'Hamza', last: 'Qureshi' });
  await shot(page, '01-signup-check-email');

  // Logging in before verifying is refused with a way to resend the link.
  await logIn(page, email, password);
  await expect(page.getByText('Please verify your e-mail address before logging in.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resend verification e-mail' })).toBeVisible();

  await verifyFromMail(page, email);
  await shot(page, '02-email-verified');

  await logIn(page, email, password);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible(); // silent refresh from the cookie
  const cookies = await page.context().cookies();
  const refresh = cookies.find((cookie) => cookie.name === 'ustad_refresh');
  expect(refresh?.httpOnly).toBe(true);
  expect(refresh?.sameSite).toBe('Strict');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('eyJ'); // no token in storage

  await page.getByRole('link', { name: 'Profile' }).click();
  await page.getByLabel('Headline').fill('Pre-engineering student in Karachi');
  await page.getByLabel('Phone').fill('0300 1234567');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Your profile has been saved.')).toBeVisible();
  await expect(page.getByLabel('Phone')).toHaveValue('+923001234567');

  // A phone number that cannot be right gets its error beside the field.
  await page.getByLabel('Phone').fill('12');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('This phone number is not valid.').or(page.getByText('Enter a phone number'))).toBeVisible();
  await page.getByLabel('Phone').fill('+923001234567');

  await page.getByLabel('Choose a photo').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: pngBytes() });
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await expect(page.getByText('Your photo has been updated.')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Your photo' })).toHaveAttribute('src', /\/media\/avatars\/.+\.webp$/);
  await page.reload();
  await expect(page.getByLabel('Headline')).toHaveValue('Pre-engineering student in Karachi');
  await shot(page, '03-profile-saved');

  await page.getByRole('link', { name: 'Password' }).click();
  await page.getByLabel('Current password').fill(password);
  await page.getByLabel('New password', { exact: true }).fill(changed);
  await page.getByLabel('Confirm new password').fill(changed);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed.').first()).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible(); // the refresh cookie is gone for good

  await page.goto('/forgot-password');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText(`If an account exists for ${email}`)).toBeVisible();
  const resetLink = await linkFromMail(email, '/reset-password\\?token=');
  await page.goto(resetLink.replace(/^https?:\/\/[^/]+/, ''));
  await page.getByLabel('New password', { exact: true }).fill(reset);
  await page.getByLabel('Confirm new password').fill(reset);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('Your password has been changed and every device has been signed out.')).toBeVisible();
  await shot(page, '04-password-reset');

  await logIn(page, email, changed);
  await expect(page.getByText("That e-mail and password don't match an account.")).toBeVisible();
  await logIn(page, email, reset);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
});

test('a tutor signs up, fills the teaching profile and appears in the directory', async ({ page, browser }) => {
  const email = uniqueEmail('tutor');
  const password = 'tutor-password-for-e2e';
  await signUp(page, { email, password, first: 'Nadia', last: 'Farooq', tutor: true });
  await verifyFromMail(page, email);
  await logIn(page, email, password);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();

  await page.goto('/account/profile');
  await page.getByLabel('Headline').fill('O-level chemistry with lab demos');
  await page.getByLabel('Chemistry').check();
  await page.getByLabel('Biology').check();
  await page.getByLabel('Hourly rate').fill('2750');
  await page.getByLabel('Years of experience').fill('4');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Your profile has been saved.')).toBeVisible();
  await shot(page, '05-tutor-profile');

  // Anyone, logged in or not, finds her by subject and opens her public profile.
  const visitor = await browser.newPage();
  await visitor.goto('/tutors');
  await visitor.getByLabel('Subject', { exact: true }).selectOption({ label: 'Chemistry' });
  await expect(visitor).toHaveURL(/subject=chemistry/);
  await expect(visitor.getByRole('heading', { name: 'Nadia Farooq' })).toBeVisible();
  await expect(visitor.getByText('Bilal Ahmed')).toHaveCount(0);
  await shot(visitor, '06-directory-filtered');
  await visitor.getByRole('link', { name: /Nadia Farooq/ }).first().click();
  await expect(visitor.getByRole('heading', { name: 'Nadia Farooq', level: 1 })).toBeVisible();
  await expect(visitor.getByText('O-level chemistry with lab demos')).toBeVisible();
  await shot(visitor, '07-public-tutor-profile');
  await visitor.reload(); // a client-side route survives a reload
  await expect(visitor.getByRole('heading', { name: 'Nadia Farooq', level: 1 })).toBeVisible();
  await visitor.close();
});

test('the interface switches to Urdu, right to left, and back', async ({ page }) => {
  await logIn(page, 'student2@ustad.test', DEMO_PASSWORD);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl'); // her profile language is Urdu
  await page.getByLabel(/Language|زبان/).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption('ur');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.goto('/tutors');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Find a tutor');
  await shot(page, '08-urdu-rtl');
});

test('repeated wrong passwords lock the address without saying whether it exists', async ({ page }) => {
  const messages: string[] = [];
  for (const email of ['student5@ustad.test', uniqueEmail('nobody')]) {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await logIn(page, email, 'definitely-wrong-password');
      await expect(page.getByText("That e-mail and password don't match an account.")).toBeVisible();
    }
    await logIn(page, email, 'definitely-wrong-password');
    const locked = page.getByText(/Log-in is locked after too many failed attempts/);
    await expect(locked).toBeVisible();
    messages.push((await locked.textContent()) ?? '');
  }
  expect(messages[0].replace(/\d+/g, 'N')).toBe(messages[1].replace(/\d+/g, 'N'));
});
