// A 身份证 reader simulator speaking SAM_V on the far end of a pseudo-terminal: answers status, find, select and
// read with the frames a real reader sends, for a card that can be placed and taken away.
import { SerialPort } from 'serialport';
import { answerFrame, COMMANDS, encodeCardText, SW, takeFrames } from '../../../main/core/hardware/id-reader/samv';

export interface SimulatedCard {
  name: string;
  sex: 'male' | 'female';
  nationCode: string;
  birth: string;
  address: string;
  idNumber: string;
  authority: string;
  from: string;
  until: string;
}

export const SAMPLE_CARD: SimulatedCard = {
  name: '张三丰',
  sex: 'male',
  nationCode: '01',
  birth: '19900307',
  address: '北京市东城区景山前街4号',
  idNumber: '11010119900307002X',
  authority: '北京市公安局东城分局',
  from: '20200101',
  until: '20400101',
};

export interface FakeReader {
  card: SimulatedCard | null;
  /** Commands received, by name. */
  commands: string[];
  close(): Promise<void>;
}

const NAMES = new Map(Object.entries(COMMANDS).map(([name, [cmd, para]]) => [`${cmd}:${para}`, name]));

export async function startFakeReader(peer: string, card: SimulatedCard | null = SAMPLE_CARD): Promise<FakeReader> {
  const port = new SerialPort({ path: peer, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  const reader: FakeReader = {
    card,
    commands: [],
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
  let buffer: Buffer = Buffer.alloc(0);
  port.on('data', (data: Buffer) => {
    const { frames, rest } = takeFrames(Buffer.concat([buffer, data]), 2);
    buffer = rest;
    for (const frame of frames) {
      const name = NAMES.get(`${frame.head[0]}:${frame.head[1]}`) ?? 'unknown';
      reader.commands.push(name);
      const current = reader.card;
      let answer: Buffer;
      if (name === 'status' || name === 'reset') answer = answerFrame(SW.ok);
      else if (name === 'find') answer = answerFrame(current ? SW.found : SW.noCard);
      else if (name === 'select') answer = answerFrame(current ? SW.ok : SW.selectFailed);
      else if (name === 'read' && current) {
        const text = encodeCardText(current);
        const photo = Buffer.alloc(1024, 0x57); // WLT bytes as the chip holds them (not an image)
        const head = Buffer.alloc(4);
        head.writeUInt16BE(text.length, 0);
        head.writeUInt16BE(photo.length, 2);
        answer = answerFrame(SW.ok, Buffer.concat([head, text, photo]));
      } else answer = answerFrame(SW.readFailed);
      port.write(answer);
    }
  });
  return reader;
}
