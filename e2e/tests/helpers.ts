import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { linkFromMail } from './mail';

export const SCREENSHOTS = join(import.meta.dirname, '..', 'artifacts', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export const DEMO_PASSWORD = 'ustad-demo-2026';

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** A real 64×48 PNG, made without an image library: one IHDR, one IDAT of solid colour, IEND. */
export function pngBytes(): Buffer {
  const width = 64;
  const height = 48;
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x2a)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function signUp(page: Page, opts: { email: string; password: string; first: string; last: string; tutor?: boolean }) {
  await page.goto('/signup');
  await page.getByLabel('First name').fill(opts.first);
  await page.getByLabel('Last name').fill(opts.last);
  await page.getByLabel('E-mail').fill(opts.email);
  await page.getByLabel('Password', { exact: true }).fill(opts.password);
  await page.getByLabel(opts.tutor ? 'Teach (tutor)' : 'Learn (student)').check();
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
}

export async function verifyFromMail(page: Page, email: string) {
  const link = await linkFromMail(email, '/verify-email\\?token=');
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByText('Your e-mail is verified. You can now log in.')).toBeVisible();
}

/** Log in through the form; callers assert the outcome they expect. */
export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export async function logInAs(page: Page, email: string, password: string) {
  await logIn(page, email, password);
  await expect(page).toHaveURL(/\/tutors/);
}

/** WCAG 2.1 AA violations on the page as it is now, one line each (empty when there are none). */
export async function a11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
