import { PDFParse } from 'pdf-parse';
import { test, expect, signIn, choose } from './fixtures';

const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('I-1 an incident is recorded with every required part, a photo, the author’s PIN signature, an amendment by a named person, a review mark, and printed', async ({
  page,
  server,
  seeded,
}) => {
  test.setTimeout(120_000);
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await seeded.addPerson('陈主管', 'supervisor', '8642');
  await page.goto(`${server.url}/#/incidents`);
  await signIn(page, '李前台', '1357');
  await page.getByTestId('incident-new').click();
  // nothing required may be left out; the messages are the contract's own, in Chinese.
  await page.getByTestId('incident-save').click();
  await expect(page.getByTestId('incident-form').getByText('此项必填。')).toHaveCount(4);
  await expect(page.getByTestId('incident-form')).toContainText('请选择事件类别。');
  await choose(page, page.getByTestId('incident-category'), '纠纷');
  await page.getByTestId('incident-place').fill('地下车库入口');
  await page.getByTestId('incident-people').fill('李前台、车主刘先生、施工队周师傅');
  await page.getByTestId('incident-course').fill('施工车辆倒车时剐蹭刘先生车辆，双方发生争执。');
  await page.getByTestId('incident-outcome').fill('已劝开双方，拍照留存，等待物业经理协调赔偿。');
  await page.getByTestId('incident-follow-up').check();
  await page.getByTestId('incident-save').click();

  const detail = page.getByTestId('incident-detail');
  await expect(detail.getByTestId('incident-state')).toHaveText('未签名');
  await page.locator('input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG_1PX });
  await expect(detail).toContainText('现场照片.png');

  // Signing with someone else's PIN fails; with her own it locks the record.
  await detail.getByTestId('incident-sign').click();
  await page.getByTestId('pin-modal-pin').fill('8642');
  await page.getByTestId('pin-modal-pin').press('Enter');
  await expect(page.getByTestId('pin-modal-error')).toContainText('PIN 码不正确');
  await page.getByTestId('pin-modal-pin').fill('1357');
  await page.getByTestId('pin-modal-pin').press('Enter');
  await expect(detail.getByTestId('incident-state')).toHaveText('待跟进');
  await expect(detail.getByTestId('incident-edit')).toHaveCount(0);
  await expect(detail).toContainText('签名内容校验码');

  await detail.getByTestId('incident-amend').click();
  await page.getByTestId('amend-text').fill('更正：施工队负责人为周师傅，电话已留存于工程部。');
  await page.getByTestId('amend-ok').click();
  await expect(detail).toContainText('更正：施工队负责人为周师傅');

  // Search finds it by a two-character word.
  await expect(page.getByTestId('amend-text')).toBeHidden();
  await page.locator('.ant-drawer-close').click();
  await expect(detail).toBeHidden();
  await page.getByTestId('incidents-search').locator('input').fill('车库');
  await page.getByTestId('incidents-search').locator('input').press('Enter');
  await expect(page.getByTestId('incidents-table')).toContainText('地下车库入口');

  // The supervisor marks it reviewed.
  await page.getByTestId('lock-button').click();
  await signIn(page, '陈主管', '8642');
  await page.goto(`${server.url}/#/incidents`);
  await page.getByTestId('incidents-table').getByText('地下车库入口').click();
  await page.getByTestId('incident-review').click();
  await page.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(page.getByTestId('incident-detail')).toContainText('已审阅');

  await page.getByTestId('incident-print').click();
  await expect(page.getByTestId('incident-sheet')).toContainText('特殊事件记录表');
  const text = (await new PDFParse({ data: await page.pdf({ format: 'A4' }) }).getText()).text;
  for (const expected of ['地下车库入口', '施工车辆倒车时剐蹭', '李前台', '更正：施工队负责人为周师傅', '陈主管', '现场照片.png']) expect(text).toContain(expected);
});
