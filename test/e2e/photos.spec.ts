// V-11: no camera opens before the visitor's separate consent. This spec alone runs Chromium with its fake camera
// (`--use-fake-device-for-media-stream`, and `--use-fake-ui-for-media-stream` to grant it without a prompt), and
// counts getUserMedia calls from the page's side.
import { test, expect, signIn } from './fixtures';
import { CHROMIUM_ARGS } from '../../playwright.config';

test.use({ permissions: ['camera'], launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] } });

test('V-11 without consent no camera opens; after it the desk takes and keeps the photo with the visit', async ({ page, server, seeded }) => {
  test.setTimeout(120_000);
  const leeId = await seeded.addPerson('李前台', 'receptionist', '1357');
  const tenant = await seeded.call<{ id: string }>('directory.create', { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', floor: '12', contact: { name: '王经理', phone: '13800138000' } }, { token: seeded.adminToken });
  // Every request for the camera is counted before the app's own code runs.
  await page.addInitScript(() => {
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    (window as unknown as { cameraRequests: number }).cameraRequests = 0;
    navigator.mediaDevices.getUserMedia = (constraints) => {
      (window as unknown as { cameraRequests: number }).cameraRequests += 1;
      return original(constraints);
    };
  });
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  const token = (await seeded.call<{ token: string }>('auth.signIn', { userId: leeId, pin: '1357' })).body.token;
  const visit = await seeded.call<{ id: string }>('visitors.register', { visitorName: '张三', mobile: '13812345678', tenantId: tenant.body.id, purpose: '商务拜访' }, { token });
  expect(visit.status).toBe(200);
  const cameraRequests = () => page.evaluate(() => (window as unknown as { cameraRequests: number }).cameraRequests);

  await page.getByTestId('photo-张三').click();
  const dialog = page.getByTestId('photo-dialog');
  await expect(dialog).toContainText('《个人信息保护法》第二十九条');
  await expect(dialog.getByTestId('photo-open-camera')).toBeDisabled();
  await dialog.getByTestId('photo-open-camera').click({ force: true });
  expect(await cameraRequests()).toBe(0);
  await expect(dialog.getByTestId('photo-video')).toHaveCount(0);

  await dialog.getByTestId('photo-consent').click();
  await dialog.getByTestId('photo-open-camera').click();
  await expect(dialog.getByTestId('photo-video')).toBeVisible();
  expect(await cameraRequests()).toBe(1);
  await expect.poll(() => dialog.getByTestId('photo-video').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  await dialog.getByTestId('photo-capture').click();
  await dialog.getByTestId('photo-save').click();
  await expect(page.getByText('照片已保存')).toBeVisible();
  const kept = await seeded.call<{ photo: { mime: string; dataBase64: string; consentAt: number } | null }>('photos.get', { visitId: visit.body.id }, { token });
  expect(kept.body.photo).toMatchObject({ mime: 'image/jpeg', consentAt: expect.any(Number) });
  expect(Buffer.from(kept.body.photo!.dataBase64, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
});

test('V-11 V-6 a building that prints photos on passes: saving a photo prints the pass again with the photo on it', async ({ page, server, seeded }) => {
  test.setTimeout(120_000);
  const leeId = await seeded.addPerson('李前台', 'receptionist', '1357');
  const tenant = await seeded.call<{ id: string }>('directory.create', { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', floor: '12', contact: { name: '王经理', phone: '13800138000' } }, { token: seeded.adminToken });
  const settings = await seeded.call('photos.updateSettings', { enabled: true, onPass: true }, { token: seeded.adminToken });
  expect(settings.status).toBe(200);
  // What each print would put on paper: the pass's text and whether it carries the photo.
  await page.addInitScript(() => {
    (window as unknown as { printed: Array<{ text: string; photo: string | null }> }).printed = [];
    window.print = () =>
      (window as unknown as { printed: Array<{ text: string; photo: string | null }> }).printed.push({
        text: document.querySelector('.lobby-print-area')?.textContent ?? '',
        photo: document.querySelector('.lobby-print-area [data-testid="pass-photo"]')?.getAttribute('src') ?? null,
      });
  });
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  const token = (await seeded.call<{ token: string }>('auth.signIn', { userId: leeId, pin: '1357' })).body.token;
  const visit = await seeded.call<{ id: string }>('visitors.register', { visitorName: '赵六', mobile: '13812345679', tenantId: tenant.body.id, purpose: '商务拜访' }, { token });
  expect(visit.status).toBe(200);

  await page.getByTestId('photo-赵六').click();
  const dialog = page.getByTestId('photo-dialog');
  await dialog.getByTestId('photo-consent').click();
  await dialog.getByTestId('photo-open-camera').click();
  await expect.poll(() => dialog.getByTestId('photo-video').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  await dialog.getByTestId('photo-capture').click();
  await dialog.getByTestId('photo-save').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: unknown[] }).printed.length)).toBe(1);
  const printed = await page.evaluate(() => (window as unknown as { printed: Array<{ text: string; photo: string | null }> }).printed[0]!);
  expect(printed.text).toContain('访客证');
  expect(printed.text).toContain('赵六');
  expect(printed.photo).toMatch(/^data:image\/jpeg;base64,\/9j\//);

  // Turned off again, the same pass prints without the photo.
  expect((await seeded.call('photos.updateSettings', { enabled: true, onPass: false }, { token: seeded.adminToken })).status).toBe(200);
  await page.getByRole('row', { name: /赵六/ }).getByRole('button', { name: '访客证' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: unknown[] }).printed.length)).toBe(2);
  const second = await page.evaluate(() => (window as unknown as { printed: Array<{ text: string; photo: string | null }> }).printed[1]!);
  expect(second.text).toContain('赵六');
  expect(second.photo).toBeNull();
});

test('V-11 with photos turned off in admin the desk offers no camera button, and the core refuses a photo', async ({ page, server, seeded }) => {
  const leeId = await seeded.addPerson('李前台', 'receptionist', '1357');
  const tenant = await seeded.call<{ id: string }>('directory.create', { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', floor: '12', contact: { name: '王经理', phone: '13800138000' } }, { token: seeded.adminToken });
  expect((await seeded.call('photos.updateSettings', { enabled: false, onPass: false }, { token: seeded.adminToken })).status).toBe(200);
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  const token = (await seeded.call<{ token: string }>('auth.signIn', { userId: leeId, pin: '1357' })).body.token;
  const visit = await seeded.call<{ id: string }>('visitors.register', { visitorName: '钱七', mobile: '13812345670', tenantId: tenant.body.id, purpose: '商务拜访' }, { token });
  await expect(page.getByTestId('sign-out-钱七')).toBeVisible();
  await expect(page.getByTestId('photo-钱七')).toHaveCount(0);
  const refused = await seeded.call('photos.attach', { visitId: visit.body.id, consent: true, mime: 'image/jpeg', dataBase64: '/9j/4AAQ' }, { token });
  expect(refused.status).toBe(409);
});
