// The desk's lobby as one screen (issue: the lobby designed as a whole): at the two common lobby-PC screens the
// essentials are on screen without scrolling, and every key on the key map (F1) does what the map says.
import type { Page } from '@playwright/test';
import { test, expect, signIn } from './fixtures';
import { BUSY_PIN, seedBusyDesk } from './busy-desk';

/** The page itself does not scroll: the lobby's lists scroll inside their own columns. */
async function pageDoesNotScroll(page: Page): Promise<void> {
  const { scrollHeight, innerHeight, scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollHeight: document.scrollingElement!.scrollHeight,
    innerHeight: window.innerHeight,
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollHeight, 'nothing below the fold').toBeLessThanOrEqual(innerHeight);
  expect(scrollWidth, 'nothing beyond the right edge').toBeLessThanOrEqual(innerWidth);
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`P-1 V-2 V-4 at ${size.width}×${size.height} the ring button, a ringing line's counter, the visitors awaiting confirmation and the visitor quick entry are on screen without scrolling`, async ({ page, server, seeded }) => {
    await seedBusyDesk(seeded);
    await page.setViewportSize(size);
    await page.goto(`${server.url}/#/lobby`);
    await signIn(page, '李前台', BUSY_PIN);
    await expect(page.getByTestId('on-duty')).toBeVisible();
    await expect(page.getByTestId('pending-周敏')).toBeVisible();
    await expect(page.getByTestId('in-building-钱伟')).toBeVisible();

    await expect(page.getByTestId('ring-button')).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('pending-panel')).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('pending-周敏')).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('pending-吴强')).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('desk-mobile')).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('desk-registration').getByRole('button', { name: /登\s*记/ }).first()).toBeInViewport({ ratio: 1 });
    await pageDoesNotScroll(page);

    // A line rings: its counter takes the button's place, large, and everything else stays where it was.
    const pendingBefore = await page.getByTestId('pending-panel').boundingBox();
    await page.getByTestId('ring-button').click();
    const line = page.getByTestId('ring-line-1');
    await expect(line).toBeInViewport({ ratio: 1 });
    await expect(line.getByTestId('ring-number')).toBeInViewport({ ratio: 1 });
    const ringFont = await line.getByTestId('ring-number').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(ringFont, 'the ring count readable from a metre away').toBeGreaterThanOrEqual(28);
    await expect(page.getByTestId('pending-吴强')).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('desk-mobile')).toBeInViewport({ ratio: 1 });
    const pendingAfter = await page.getByTestId('pending-panel').boundingBox();
    expect(Math.abs(pendingAfter!.x - pendingBefore!.x)).toBeLessThan(1);
    await pageDoesNotScroll(page);

    // The lists that grow scroll inside their own column: scrolling the act-now column keeps the ring in view.
    const now = page.getByTestId('lobby-now-list');
    await now.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(line.getByTestId('ring-number')).toBeInViewport({ ratio: 1 });
  });
}

test('P-1 V-1 V-3 V-4 every key on the key map (F1) opens what it says', async ({ page, server, seeded }) => {
  test.slow();
  await seedBusyDesk(seeded);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', BUSY_PIN);
  await expect(page.getByTestId('on-duty')).toBeVisible();

  // F1 opens the map; it lists each key from the table the handlers use.
  await page.keyboard.press('F1');
  const map = page.getByTestId('key-map');
  await expect(map).toBeVisible();
  const rows = map.locator('[data-testid^="key-map-"]');
  const listed = await rows.evaluateAll((els) => els.map((el) => ({ action: el.getAttribute('data-testid')!.replace('key-map-', ''), key: el.getAttribute('data-key')! })));
  expect(listed.map((r) => r.action).sort()).toEqual(['anotherLine', 'giveUp', 'guard', 'keyMap', 'message', 'record', 'ring', 'signOutBox', 'visitor']);
  const keyOf = Object.fromEntries(listed.map((r) => [r.action, r.key]));
  expect(keyOf.ring).toBe('F9');
  expect(new Set(Object.values(keyOf)).size, 'no key does two things').toBe(listed.length);
  await page.keyboard.press(keyOf.keyMap!);
  await expect(map).toBeHidden();

  const focused = (testId: string) => expect(page.getByTestId(testId)).toBeFocused();

  await page.keyboard.press(keyOf.visitor!);
  await focused('desk-mobile');
  await page.keyboard.press(keyOf.signOutBox!);
  await focused('signout-pass');

  await page.keyboard.press(keyOf.record!);
  await expect(page.getByTestId('record-form')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('record-form')).toBeHidden();

  await page.keyboard.press(keyOf.message!);
  await expect(page.getByTestId('callback-form')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('callback-form')).toBeHidden();

  // The phone desk's keys: ring, another line, the caller gave up, the confidentiality rule.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(keyOf.ring!);
  await expect(page.getByTestId('ring-line-1')).toBeVisible();
  await page.keyboard.press(keyOf.anotherLine!);
  await expect(page.getByTestId('ring-line-2')).toBeVisible();
  await page.keyboard.press(keyOf.giveUp!);
  await expect(page.getByTestId('ring-line-1')).toBeHidden();
  await expect(page.getByTestId('ring-line-2')).toBeVisible();
  await page.keyboard.press(keyOf.guard!);
  await expect(page.getByTestId('guard-modal')).toBeVisible();
  await expect(page.getByTestId('guard-rule')).toBeVisible();
});

test('S-3 the opening check is a step before the shift, not a panel that pushes the desk down', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  const offDuty = page.getByTestId('off-duty');
  await expect(offDuty).toBeVisible();
  expect((await offDuty.boundingBox())!.height, 'one line').toBeLessThan(60);
  await expect(page.getByTestId('ring-button')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('desk-mobile')).toBeInViewport({ ratio: 1 });
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-start')).toBeVisible();
  for (const key of ['uniform', 'appearance', 'supplies', 'equipment', 'environment']) await page.getByTestId(`opening-${key}`).check();
  await page.getByTestId('shift-start-submit').click();
  await expect(page.getByTestId('shift-start')).toBeHidden();
  await expect(page.getByTestId('on-duty')).toHaveText('当班中：李前台');
  await expect(page.getByTestId('go-handover')).toBeInViewport();
});
