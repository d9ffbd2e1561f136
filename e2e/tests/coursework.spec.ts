import { expect, test, type Browser, type Page } from '@playwright/test';
import { a11yViolations, logInAs, shot, signUp, uniqueEmail, verifyFromMail } from './helpers';
import { makeCourseFiles } from './media';

const TITLE = 'Cell biology for beginners';
const SLUG = 'cell-biology-for-beginners';

async function newAccount(browser: Browser, who: { first: string; last: string; tutor?: boolean }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail(who.first.toLowerCase());
  const password = `${who.first.toLowerCase()}-password-e2e`;
  await signUp(page, { email, password, ...who });
  await verifyFromMail(page, email);
  await logInAs(page, email, password);
  return page;
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

async function addLesson(page: Page, title: string, kind: string) {
  await page.getByLabel('New lesson title').fill(title);
  await page.getByLabel('Kind').selectOption({ label: kind });
  await page.getByRole('button', { name: 'Add lesson' }).click();
  await expect(page.getByRole('list', { name: /Lessons in/ }).getByText(title)).toBeVisible();
}

test.use({ actionTimeout: 20_000 });

test('a tutor builds and publishes a course; a student learns, hands in and is graded', async ({ browser }) => {
  test.setTimeout(360_000);
  const files = makeCourseFiles(TITLE);

  // The tutor creates the course and fills in what publishing needs.
  const tutor = await newAccount(browser, { first: 'Hina', last: 'Qureshi', tutor: true });
  await tutor.goto('/teaching/new');
  await tutor.getByLabel('Title', { exact: true }).fill(TITLE);
  await tutor.getByRole('button', { name: /Create/ }).click();
  await expect(tutor).toHaveURL(new RegExp(`/teaching/${SLUG}`));
  await tutor.getByLabel('Description').fill('How cells work: membranes, the nucleus and energy. With a lab report.');
  await tutor.getByRole('button', { name: 'Save details' }).click();
  await expect(tutor.getByText('The course details have been saved.')).toBeVisible();
  await tutor.getByLabel(/Choose a cover/).setInputFiles(files.cover);
  await tutor.getByRole('button', { name: 'Upload cover' }).click();
  await expect(tutor.getByText('The cover has been updated.')).toBeVisible();

  // Syllabus: a lecture with a real video, the slides, a lab report and a quiz.
  await openTab(tutor, 'Syllabus');
  await tutor.getByLabel('New section title').fill('Week 1: the cell');
  await tutor.getByRole('button', { name: 'Add section' }).click();
  await addLesson(tutor, 'Lecture: inside a cell', 'Video');
  await addLesson(tutor, 'Lab report', 'Assignment');
  await addLesson(tutor, 'Cell quiz', 'Quiz');
  await tutor.getByRole('button', { name: 'Edit lesson Lecture: inside a cell' }).click();
  await tutor.getByLabel(/Choose a video/).setInputFiles(files.video);
  await expect(tutor.getByText('This lesson has a video.')).toBeVisible({ timeout: 60_000 });
  await tutor.keyboard.press('Escape');

  await openTab(tutor, 'Resources');
  await tutor.getByLabel('Lesson').selectOption({ label: 'Lecture: inside a cell' });
  await tutor.getByLabel(/Choose files/).setInputFiles(files.slides);
  await expect(tutor.getByText('slides.pdf is uploaded.')).toBeVisible({ timeout: 30_000 });

  // The assignment, with a rubric, opened from the "Lab report" lesson.
  await openTab(tutor, 'Assignments');
  await tutor.getByRole('button', { name: 'New assignment' }).click();
  await tutor.getByLabel('Title').fill('Lab report: onion cells');
  await tutor.getByLabel('Instructions').fill('Describe what you saw under the microscope. Attach your drawing.');
  await tutor.getByLabel('Points').fill('10');
  await tutor.getByLabel('Syllabus lesson').selectOption({ index: 1 }); // the one assignment lesson
  await tutor.getByLabel('Published').check();
  expect(await a11yViolations(tutor)).toEqual([]);
  await tutor.getByRole('button', { name: 'Save assignment' }).click();
  await expect(tutor.getByText('Lab report: onion cells').first()).toBeVisible();

  // The quiz, opened from the "Cell quiz" lesson.
  await openTab(tutor, 'Quizzes');
  await tutor.getByRole('button', { name: 'New quiz' }).click();
  await tutor.getByLabel('Title').fill('Cell quiz');
  await tutor.getByLabel('Lesson').selectOption({ index: 1 }); // the one quiz lesson
  await tutor.getByRole('button', { name: 'Save quiz' }).click();
  await tutor.getByRole('button', { name: 'Add question' }).click();
  await tutor.getByLabel('Question type').selectOption({ label: 'Single choice' });
  await tutor.getByLabel('Question', { exact: true }).fill('Which part of the cell holds its DNA?');
  await tutor.getByLabel('Choice 1', { exact: true }).fill('The nucleus');
  await tutor.getByLabel('Choice 2', { exact: true }).fill('The membrane');
  await tutor.getByLabel('Choice 1 is correct').check();
  expect(await a11yViolations(tutor)).toEqual([]);
  await tutor.getByRole('button', { name: 'Save question' }).click();
  await expect(tutor.getByText('Which part of the cell holds its DNA?').first()).toBeVisible();
  await tutor.getByRole('button', { name: 'Publish quiz', exact: true }).click();
  await expect(tutor.getByRole('button', { name: 'Unpublish quiz' })).toBeVisible();

  await openTab(tutor, 'Publish');
  await tutor.getByRole('button', { name: 'Publish', exact: true }).click();
  await tutor.getByRole('alertdialog').getByRole('button', { name: 'Publish' }).click();
  await expect(tutor.getByText('The course is published.')).toBeVisible();
  await shot(tutor, '20-builder-published');

  // A student finds it with a typo, enrols and watches the lecture; the position survives a reload.
  const student = await newAccount(browser, { first: 'Bilal', last: 'Ahmed' });
  await student.goto('/courses');
  const search = student.getByRole('search', { name: 'Search courses' });
  await search.getByLabel('Search').fill('cel biolgy');
  await search.getByRole('button', { name: 'Search' }).click();
  await student.getByRole('link', { name: new RegExp(TITLE) }).first().click();
  await student.getByRole('button', { name: 'Enrol for free' }).click();
  await expect(student).toHaveURL(new RegExp(`/learn/${SLUG}`));
  await student.getByRole('link', { name: /Lecture: inside a cell/ }).first().click();
  const video = student.locator('video');
  await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play();
  });
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 20_000 })
    .toBeGreaterThan(3);
  await video.evaluate((element: HTMLVideoElement) => element.pause());
  const position = await video.evaluate((element: HTMLVideoElement) => element.currentTime);
  await student.waitForTimeout(1000);
  await student.reload();
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(position - 2);
  await expect(student.getByRole('button', { name: /Download/ }).first()).toBeVisible();

  // The student hands the lab report in, with text and a file.
  await student.getByRole('link', { name: /Lab report/ }).first().click();
  await expect(student.getByLabel('Your answer')).toBeVisible();
  expect(await a11yViolations(student)).toEqual([]);
  await student.getByLabel('Your answer').fill('The cells looked like bricks, each with a dark nucleus.');
  await student.getByLabel('Attach files').setInputFiles(files.slides);
  await student.getByRole('button', { name: 'Hand in' }).click();
  await expect(student.getByRole('heading', { name: 'Your submission', exact: true })).toBeVisible({ timeout: 30_000 });
  await shot(student, '21-assignment-handed-in');

  // … and takes the quiz: graded on the server, with the right answer shown after submitting.
  await student.getByRole('link', { name: /Cell quiz/ }).first().click();
  await student.getByRole('button', { name: 'Start quiz' }).click();
  await student.getByRole('group', { name: 'Which part of the cell holds its DNA?' })
    .getByLabel('The nucleus').check();
  expect(await a11yViolations(student)).toEqual([]);
  await student.getByRole('button', { name: 'Submit answers' }).click();
  await student.getByRole('alertdialog').getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(student.getByRole('heading', { name: 'Your result' })).toBeVisible();
  await expect(student.getByText('Passed', { exact: true })).toBeVisible();
  expect(await a11yViolations(student)).toEqual([]);
  await shot(student, '22-quiz-result');

  // The tutor grades the report and returns it.
  await tutor.goto(`/teaching/${SLUG}?tab=assignments`);
  await tutor.getByRole('link', { name: 'Lab report: onion cells' }).or(
    tutor.getByRole('button', { name: 'Lab report: onion cells' })).first().click();
  await tutor.getByRole('link', { name: 'Grade Bilal Ahmed' }).or(
    tutor.getByRole('button', { name: 'Grade Bilal Ahmed' })).first().click();
  await expect(tutor.getByText('The cells looked like bricks')).toBeVisible();
  await tutor.getByLabel('Score').fill('8');
  await tutor.getByLabel('Feedback').fill('Good drawing; label the cell wall next time.');
  expect(await a11yViolations(tutor)).toEqual([]);
  await tutor.getByRole('button', { name: 'Save grade' }).click();
  await tutor.getByRole('button', { name: 'Return to student' }).click();
  await shot(tutor, '23-grading');

  // The student sees the grade (live, through the notifications socket, or on reload).
  await student.getByRole('link', { name: /Lab report/ }).first().click();
  await expect(student.getByRole('heading', { name: 'Grade' })).toBeVisible({ timeout: 20_000 });
  await expect(student.getByText('8 / 10').first()).toBeVisible();
  await expect(student.getByText('label the cell wall next time')).toBeVisible();
  expect(await a11yViolations(student)).toEqual([]);
  await shot(student, '24-grade-returned');

  // Finishing the last lesson completes the course: the certificate is issued and anyone can verify it.
  await student.getByRole('link', { name: /Lecture: inside a cell/ }).first().click();
  await student.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(student.getByRole('button', { name: 'Mark as not complete' })).toBeVisible();
  await student.getByRole('link', { name: 'My certificates' }).click();
  await student.getByRole('link', { name: new RegExp(`^View.*${TITLE}`) }).click();
  await expect(student.getByRole('heading', { name: 'Valid certificate' })).toBeVisible();
  await expect(student.getByText('Bilal Ahmed').first()).toBeVisible();
  const verifyUrl = student.url();
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(verifyUrl);
  await expect(stranger.getByRole('heading', { name: 'Valid certificate' })).toBeVisible();
  const download = stranger.getByRole('link', { name: 'Download PDF' });
  await expect(download).toBeVisible();
  expect(await a11yViolations(stranger)).toEqual([]);
  // The PDF is drawn on first request (fonts subset then): allow for a busy machine.
  const pdf = await stranger.request.get(await download.getAttribute('href') ?? '', { timeout: 90_000 });
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await shot(stranger, '25-certificate-verified');
});
