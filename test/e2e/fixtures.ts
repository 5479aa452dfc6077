// Playwright fixtures: a fresh `lobby-desk web` per test, and helpers to set a building up through the API.
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebServer, httpClient, type WebServer } from '../support/web-server';

export interface SeededDesk {
  adminId: string;
  adminPin: string;
  adminToken: string;
  call: ReturnType<typeof httpClient>;
  /** Adds a person through the API; returns their id. */
  addPerson(name: string, role: string, pin: string, department?: string | null): Promise<string>;
}

export const test = base.extend<{ server: WebServer; seeded: SeededDesk }>({
  server: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobby-desk-e2e-'));
    const server = await startWebServer(dataDir);
    await use(server);
    await server.stop();
  },
  seeded: async ({ server }, use) => {
    const call = httpClient(server.url);
    const adminPin = '246810';
    const init = await call<{ adminId: string }>('setup.initialize', {
      building: { name: '华信大厦', nameEn: 'Huaxin Tower', postName: '华信大厦前台', postNameEn: 'Huaxin Tower front desk', timeZone: 'Asia/Shanghai' },
      admin: { name: '管理员', pin: adminPin },
    });
    expect(init.status).toBe(200);
    const session = await call<{ token: string }>('auth.signIn', { userId: init.body.adminId, pin: adminPin });
    const adminToken = session.body.token;
    await use({
      adminId: init.body.adminId,
      adminPin,
      adminToken,
      call,
      async addPerson(name, role, pin, department = null) {
        const created = await call<{ id: string }>('staff.create', { name, role, pin, department }, { token: adminToken });
        expect(created.status).toBe(200);
        return created.body.id;
      },
    });
  },
});

export { expect };

/** Signs in on the sign-in/lock screen by clicking the person's name and typing the PIN. */
export async function signIn(page: Page, name: string, pin: string): Promise<void> {
  // Wait for the sign-in or lock screen first: right after "lock" the lobby may still be on screen.
  await expect(page.getByTestId('lock-screen').or(page.getByTestId('sign-in-screen'))).toBeVisible();
  const chosen = page.getByTestId('chosen-person');
  if (!(await chosen.isVisible()) || (await chosen.textContent()) !== name) {
    if (await chosen.isVisible()) await page.getByRole('button', { name: /换一个人|换人登录|Someone else|Sign in as someone else/ }).click();
    await page.getByTestId(`person-${name}`).click();
  }
  await page.getByTestId('pin-input').fill(pin);
  await page.getByTestId('pin-input').press('Enter');
  await expect(page.getByTestId('current-user')).toContainText(name);
}

/**
 * Chooses an option in an Ant Design select the way a person does: opens it (typing `query` into its search when
 * given), clicks the option in that select's own dropdown (found through the combobox's `aria-controls`), and checks
 * that the field now shows `shows` (default: the option's text). On a loaded machine a click can land while a
 * dropdown is still sliding in or out and be lost; the whole gesture is then made again, so the assertion is about
 * the outcome, not the timing.
 */
export async function choose(page: Page, select: Locator, option: string, options: { query?: string; shows?: string } = {}): Promise<void> {
  const combobox = select.getByRole('combobox');
  await expect(async () => {
    if ((await combobox.getAttribute('aria-expanded')) !== 'true') {
      await select.click();
      if (options.query) {
        await page.keyboard.press('ControlOrMeta+A'); // a search left from a lost click is replaced, not extended
        await page.keyboard.type(options.query);
      }
    }
    const list = await combobox.getAttribute('aria-controls');
    expect(list, 'the select opened its dropdown').toBeTruthy();
    const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) });
    await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 5_000 });
    await expect(select).toContainText(options.shows ?? option, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
