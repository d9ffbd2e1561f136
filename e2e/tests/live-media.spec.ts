import { expect, test, type Page } from '@playwright/test';
import { chromiumArgs, fakeMediaArgs, systemChromium } from '../launch';
import { scheduleClassNow, signedIn, STUDENTS, TUTOR } from './classes';
import { a11yViolations, shot } from './helpers';

// Chromium's fake camera (a moving test pattern), fake microphone (a beep) and fake screen, accepted without a
// prompt: three real browsers exchange real WebRTC video through the platform's signaling.
test.use({ launchOptions: { executablePath: systemChromium, args: [...chromiumArgs, ...fakeMediaArgs] } });

/** Remote videos (`selector`) whose picture has a size and whose time moves on: really playing. */
async function expectPlaying(page: Page, selector: string, count: number): Promise<void> {
  const times = async () =>
    page.evaluate(
      (css) =>
        [...document.querySelectorAll<HTMLVideoElement>(css)]
          .filter((video) => video.videoWidth > 0 && video.getBoundingClientRect().width > 0)
          .map((video) => video.currentTime),
      selector,
    );
  await expect.poll(async () => (await times()).filter((time) => time > 0).length, { timeout: 45_000 }).toBeGreaterThanOrEqual(count);
  const before = await times();
  await page.waitForTimeout(1500);
  const after = await times();
  expect(after.length).toBeGreaterThanOrEqual(count);
  expect(after.filter((time, i) => time > (before[i] ?? 0)).length).toBeGreaterThanOrEqual(count);
}

const REMOTE_CAMERAS = 'video[data-peer-id]:not([data-screen])';

test('a tutor and two students see each other, share a screen, go audio-only and record the class', async ({ browser }) => {
  test.setTimeout(420_000);
  const title = `Video algebra ${Date.now()}`;
  const viewport = { width: 1280, height: 900 };
  const tutor = await signedIn(browser, TUTOR, viewport);
  const id = await scheduleClassNow(tutor, title);
  const usman = await signedIn(browser, STUDENTS[0], viewport);
  const zainab = await signedIn(browser, STUDENTS[1], viewport);

  // Everyone checks their camera and microphone first, then joins the video.
  for (const page of [tutor, usman, zainab]) {
    await page.goto(`/classroom/${id}`);
    await expect(page.getByRole('heading', { name: 'Check your camera and microphone' })).toBeVisible();
    await expect(page.locator('video[data-local="true"]')).toBeVisible();
  }
  await shot(usman, '50-media-prejoin');
  expect(await a11yViolations(usman)).toEqual([]);
  for (const page of [tutor, usman, zainab]) {
    await page.getByRole('button', { name: 'Join with camera and microphone' }).click();
  }

  // Each browser plays the other two cameras.
  for (const page of [tutor, usman, zainab]) await expectPlaying(page, REMOTE_CAMERAS, 2);
  await shot(zainab, '51-media-grid');
  expect(await a11yViolations(tutor)).toEqual([]);

  // The tutor shares a screen; both students watch it.
  const controls = (page: Page) => page.getByRole('group', { name: 'Video controls' });
  await controls(tutor).getByRole('button', { name: 'Share screen' }).click();
  await expect(controls(tutor).getByRole('button', { name: 'Stop sharing' })).toBeVisible();
  for (const page of [usman, zainab]) await expectPlaying(page, 'video[data-screen="true"][data-peer-id]', 1);
  await shot(usman, '52-media-screen-share');

  // On a slow link Zainab turns to audio only: she stops sending and receiving camera video, the screen stays.
  await controls(zainab).getByRole('button', { name: 'Audio only' }).click();
  await expect(controls(zainab).getByRole('button', { name: 'Audio only' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => zainab.locator(REMOTE_CAMERAS).count()).toBe(0);
  await expectPlaying(zainab, 'video[data-screen="true"][data-peer-id]', 1);
  const zainabTile = tutor.locator('[data-tile]').filter({ hasText: 'Zainab' });
  await expect(zainabTile).toBeVisible();
  await expect(zainabTile.locator('video')).toHaveCount(0); // her tile shows her initials, not a frozen picture

  // The tutor records half a minute; everyone sees that the class is being recorded.
  await tutor.getByRole('button', { name: 'Start recording' }).click();
  for (const page of [tutor, usman, zainab]) await expect(page.locator('[data-recording="on"]')).toBeVisible();
  await tutor.waitForTimeout(30_000);
  await tutor.getByRole('button', { name: 'Stop recording' }).click();
  await tutor.getByRole('alertdialog').getByRole('button', { name: 'Stop recording' }).click();
  for (const page of [usman, zainab]) await expect(page.locator('[data-recording="on"]')).toHaveCount(0);

  // The media queue makes the MP4; the tutor is told when it is ready.
  const link = tutor.getByTestId('recording-link');
  await expect(link).toBeVisible({ timeout: 180_000 });
  await tutor.goto((await link.getAttribute('href')) ?? '');  // the link opens a new tab so the class goes on
  const card = tutor.locator('[data-recording-status="ready"]').first();
  await expect(card).toBeVisible();
  const player = card.getByTestId('recording-player');
  await expect.poll(() => player.evaluate((video: HTMLVideoElement) => video.duration), { timeout: 20_000 }).toBeGreaterThan(25);
  await player.evaluate(async (video: HTMLVideoElement) => {
    video.muted = true;
    await video.play();
  });
  await expect.poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime)).toBeGreaterThan(0.5);
  expect(await player.evaluate((video: HTMLVideoElement) => [video.videoWidth, video.videoHeight])).toEqual([1280, 720]);
  await shot(tutor, '53-media-recording');

  // Downloaded as one MP4 file.
  const href = await card.getByTestId('recording-download').getAttribute('href');
  const download = await tutor.request.get(href ?? '');
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toMatch(/^attachment/);
  const bytes = await download.body();
  expect(bytes.subarray(4, 8).toString('ascii')).toBe('ftyp');
  expect(bytes.length).toBeGreaterThan(100_000);

  // Students find it on the class recap too.
  await usman.goto(`/classes/${id}/recap`);
  await expect(usman.getByTestId('recording-player')).toBeVisible();
});
