import { expect, test, type Browser, type Page } from '@playwright/test';
import { a11yViolations, DEMO_PASSWORD, logInAs, shot } from './helpers';

// Zainab (student4) owns no paid course in the demo school; the admin refunds.
const BUYER = 'student4@ustad.test';
const ADMIN = 'admin@ustad.test';
const PHYSICS = { slug: 'a-level-physics-mechanics', title: 'A-level physics: mechanics' };
const ACCOUNTING = { slug: 'accounting-for-small-shops', title: 'Accounting for small shops' };

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logInAs(page, email, DEMO_PASSWORD);
  return page;
}

async function payWithCard(page: Page, card: string) {
  await expect(page).toHaveURL(/\/pay\/local\//);
  await expect(page.getByText('Ustad test gateway').first()).toBeVisible();
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry (MM/YY)').fill('12/39');
  await page.getByLabel('CVC').fill('123');
  await page.getByLabel('Name on card').fill('Zainab Hussain');
  await page.getByRole('button', { name: /^Pay / }).click();
}

test.describe.configure({ mode: 'serial' });

test('a declined card grants nothing and says why; the same order is then paid and the student learns', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, BUYER);
  await page.goto(`/courses/${PHYSICS.slug}`);
  await page.getByRole('link', { name: /Buy for/ }).or(page.getByRole('button', { name: /Buy for/ })).first().click();
  await expect(page).toHaveURL(/\/checkout/);
  await expect(page.getByText(PHYSICS.title).first()).toBeVisible();
  expect(await a11yViolations(page)).toEqual([]);
  await shot(page, '60-checkout');
  await page.getByRole('button', { name: /^Pay / }).click();

  await payWithCard(page, '4000 0000 0000 0002');
  await expect(page.getByText('Your card was declined.').first()).toBeVisible();
  await expect(page).toHaveURL(/\/checkout\/result\?order=/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Payment failed' })).toBeVisible();
  await expect(page.getByText('Your card was declined.').first()).toBeVisible();
  expect(await a11yViolations(page)).toEqual([]);
  await shot(page, '61-payment-failed');
  await page.goto(`/courses/${PHYSICS.slug}`);
  await expect(page.getByRole('link', { name: /Buy for/ }).or(page.getByRole('button', { name: /Buy for/ })).first())
    .toBeVisible();

  await page.goBack();
  await page.getByRole('link', { name: 'Try again' }).or(page.getByRole('button', { name: 'Try again' })).first().click();
  await expect(page).toHaveURL(/\/checkout\//);
  await page.getByRole('button', { name: /^Pay / }).click();
  await payWithCard(page, '4242 4242 4242 4242');
  await expect(page.getByRole('heading', { name: 'Payment received' })).toBeVisible({ timeout: 20_000 });
  expect(await a11yViolations(page)).toEqual([]);
  await shot(page, '62-payment-received');
  const receipt = await page.getByRole('link', { name: 'Download receipt' }).getAttribute('href');
  const pdf = await page.request.get(receipt ?? '');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  await page.getByRole('link', { name: 'Start learning' }).click();
  await expect(page).toHaveURL(new RegExp(`/learn/${PHYSICS.slug}`));
  await expect(page.getByRole('heading', { name: PHYSICS.title }).or(page.getByText(PHYSICS.title)).first()).toBeVisible();

  await page.goto('/my/purchases');
  await expect(page.getByText(PHYSICS.title).first()).toBeVisible();
  await expect(page.getByText('Paid', { exact: true }).first()).toBeVisible();
  expect(await a11yViolations(page)).toEqual([]);
});

test('an admin refunds the purchase and the student loses access', async ({ browser }) => {
  const admin = await signedIn(browser, ADMIN);
  await admin.goto('/manage/orders');
  const search = admin.getByLabel('Search');
  await search.fill('student4');
  await admin.getByRole('button', { name: 'Search' }).click();
  const card = admin.getByRole('article', { name: /Zainab Hussain/ }).filter({ hasText: PHYSICS.title }).first();
  await card.getByRole('button', { name: 'Refund' }).click();
  const dialog = admin.getByRole('dialog').or(admin.getByRole('alertdialog')).first();
  await dialog.getByLabel('Reason').fill('Bought by mistake');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await admin.getByRole('alertdialog').or(admin.getByRole('dialog')).first().getByRole('button', { name: /^Refund / }).click();
  await expect(card.getByText('Refunded', { exact: true }).first()).toBeVisible();
  expect(await a11yViolations(admin)).toEqual([]);
  await shot(admin, '63-admin-refund');

  const student = await signedIn(browser, BUYER);
  await student.goto(`/courses/${PHYSICS.slug}`);
  await expect(student.getByRole('link', { name: /Buy for/ }).or(student.getByRole('button', { name: /Buy for/ })).first())
    .toBeVisible();
  await student.goto('/my/purchases');
  await expect(student.getByText('Refunded').first()).toBeVisible();
});

test('a subscription unlocks the courses it includes', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, BUYER);
  await page.goto(`/courses/${ACCOUNTING.slug}`);
  await expect(page.getByText('Included in the subscription').first()).toBeVisible();
  await page.goto('/my/subscription');
  await page.getByRole('button', { name: 'Subscribe' }).first().click();
  await page.getByRole('button', { name: /^Subscribe for / }).click();
  await payWithCard(page, '4242 4242 4242 4242');
  await expect(page).toHaveURL(/\/my\/subscription/, { timeout: 20_000 });
  await expect(page.getByText('Active').first()).toBeVisible({ timeout: 20_000 });
  expect(await a11yViolations(page)).toEqual([]);
  await shot(page, '64-subscription-active');

  await page.goto(`/courses/${ACCOUNTING.slug}`);
  await page.getByRole('button', { name: 'Enrol with your subscription' }).click();
  await expect(page).toHaveURL(new RegExp(`/learn/${ACCOUNTING.slug}`));
  await page.goto('/my/courses');
  await expect(page.getByText(ACCOUNTING.title).first()).toBeVisible();
});

test('a tutor asks for a payout; an admin approves it and marks it paid', async ({ browser }) => {
  test.setTimeout(120_000);
  const tutor = await signedIn(browser, 'tutor1@ustad.test');
  await tutor.goto('/teaching/earnings');
  await expect(tutor.getByRole('heading', { name: 'Earnings', level: 1 })).toBeVisible();
  await tutor.getByLabel('Amount').fill('500');
  await tutor.getByLabel('Where to send it').fill('JazzCash 0300 1234567, Bilal Ahmed');
  await tutor.getByRole('button', { name: 'Request payout' }).click();
  await expect(tutor.getByText('We have your request for').first()).toBeVisible();
  const row = tutor.getByRole('row').filter({ hasText: 'JazzCash 0300 1234567' });
  await expect(row.getByText('Requested')).toBeVisible();
  expect(await a11yViolations(tutor)).toEqual([]);
  await shot(tutor, '65-payout-requested');

  const admin = await signedIn(browser, ADMIN);
  await admin.goto('/manage/payouts?status=requested');
  const card = admin.getByRole('article').filter({ hasText: 'JazzCash 0300 1234567' });
  await card.getByRole('button', { name: 'Approve' }).click();
  await admin.getByRole('alertdialog').or(admin.getByRole('dialog')).first().getByRole('button', { name: 'Approve' }).click();
  await admin.goto('/manage/payouts?status=approved');
  await card.getByRole('button', { name: 'Mark paid' }).click();
  const dialog = admin.getByRole('alertdialog').or(admin.getByRole('dialog')).first();
  await dialog.getByLabel('Transfer reference').fill('JC-TRX-88231');
  await dialog.getByRole('button', { name: 'Mark paid' }).click();
  await expect(admin.getByText(/Marked .* as paid/).first()).toBeVisible();
  expect(await a11yViolations(admin)).toEqual([]);

  await tutor.reload();
  await expect(row.getByText('Paid', { exact: true })).toBeVisible();
  await expect(row.getByText('JC-TRX-88231')).toBeVisible();
});

test('a student buys a class recording in the marketplace and watches it', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, BUYER);
  await page.goto('/marketplace');
  await page.getByRole('link', { name: /Class recording/ }).first().click();
  await expect(page).toHaveURL(/\/marketplace\//);
  const listing = page.url();
  await page.getByRole('link', { name: 'Buy' }).or(page.getByRole('button', { name: 'Buy' })).first().click();
  await expect(page).toHaveURL(/\/checkout\?listing=/);
  await page.getByRole('button', { name: /^Pay / }).click();
  await payWithCard(page, '4242 4242 4242 4242');
  await expect(page.getByRole('heading', { name: 'Payment received' })).toBeVisible({ timeout: 20_000 });
  await page.goto(listing);
  const video = page.locator('video').first();
  await expect(video).toBeVisible();
  await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play();
  });
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 20_000 })
    .toBeGreaterThan(1);
  expect(await a11yViolations(page)).toEqual([]);
  await shot(page, '66-marketplace-recording');
});
