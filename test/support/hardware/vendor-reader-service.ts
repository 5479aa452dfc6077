// A vendor's local reader service, simulated: answers GET /readCard with the JSON the common services send
// (partyName, certNumber, …, identityPic as base64), or resultFlag -1 when no card is on the reader.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const PHOTO_JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]).toString('base64');

export interface VendorService {
  url: string;
  card: Record<string, unknown> | null;
  requests: number;
  close(): Promise<void>;
}

export const VENDOR_CARD = {
  resultFlag: 0,
  partyName: '李四',
  gender: '女',
  nation: '汉',
  bornDay: '19851120',
  certAddress: '上海市黄浦区人民大道200号',
  certNumber: '310101198511200022',
  certOrg: '上海市公安局黄浦分局',
  effDate: '20150601',
  expDate: '长期',
  identityPic: PHOTO_JPEG_BASE64,
};

export async function startVendorService(card: Record<string, unknown> | null = VENDOR_CARD): Promise<VendorService> {
  const service: VendorService = { url: '', card, requests: 0, close: async () => undefined };
  const server = http.createServer((request, response) => {
    service.requests += 1;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(service.card ?? { resultFlag: -1, errorMsg: '未放卡或卡片放置不正确' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  service.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/readCard`;
  service.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return service;
}
