import path from 'node:path';
import { DELETE_REQUEST, fixture, fixtureText } from '../support/envelopes';
import { asValue, delivered, fixtureFiles, isDeleteRequest, readMessages, rows } from './events-readme';

describe('the events folder', () => {
  // sources/ holds the documented examples the fixtures were made from, with a README of its own.
  const files = fixtureFiles().filter((f) => f !== 'README.md' && !f.startsWith('sources/'));
  const sourceRows = rows.filter((r) => r.file.includes('/'));

  it('every fixture file parses: .json as JSON, .txt as non-empty raw text', () => {
    for (const file of files) {
      const ext = path.extname(file);
      expect([file, ['.json', '.txt'].includes(ext)]).toEqual([file, true]);
      if (ext === '.json') expect(() => fixture(file)).not.toThrow();
      else expect(fixtureText(file).length).toBeGreaterThan(0);
    }
  });

  it('the README table lists every fixture file, once, and only files that exist', () => {
    const listed = rows.map((r) => r.file);
    expect([...listed].sort()).toEqual([...files].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  // readMessages refuses a path it cannot follow and an encoding it does not know.
  it('each <source>/<variant> carries the delete request where and as the README says', () => {
    const variants = sourceRows.filter((r) => !path.basename(r.file).startsWith('documented-'));
    expect(variants.length).toBeGreaterThanOrEqual(20);
    for (const row of variants) {
      const messages = readMessages(delivered(row), row.at, row.encoding);
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) expect([row.file, asValue(m)]).toEqual([row.file, DELETE_REQUEST]);
    }
  });

  it('each documented-* original keeps its non-request message where the README says', () => {
    const originals = sourceRows.filter((r) => path.basename(r.file).startsWith('documented-'));
    expect(originals.length).toBeGreaterThanOrEqual(15);
    for (const row of originals) {
      const messages = readMessages(delivered(row), row.at, row.encoding);
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) expect([row.file, isDeleteRequest(m)]).toEqual([row.file, false]);
    }
  });

  it('documented originals and their variants differ only in the message (and where a rule routes it)', () => {
    // The custom-bus event also carries the source, type and bus deploy/eventbridge.ros.yaml routes.
    const pairs: Array<[string, string, string[]]> = [
      [
        'eventbridge/documented-custom-bus.json',
        'eventbridge/custom-bus.json',
        ['data', 'source', 'type', 'aliyuneventbusname'],
      ],
      ['mns-queue/documented-event-driven.json', 'mns-queue/event-driven.json', ['data.messageBody']],
      ['rocketmq/documented-uniq-key.json', 'rocketmq/uniq-key.json', ['data.body']],
      ['timer/documented-timer.json', 'timer/timer.json', ['payload']],
      ['fc-invoke/documented-invoke-api.json', 'fc-invoke/invoke-api.json', ['body']],
    ];
    const drop = (value: any, paths: string[]) => {
      for (const dotted of paths) {
        const keys = dotted.split('.');
        let node = value;
        for (const k of keys.slice(0, -1)) node = node[k];
        delete node[keys[keys.length - 1]];
      }
      return value;
    };
    for (const [original, variant, at] of pairs)
      expect(drop(fixture(variant), at)).toEqual(drop(fixture(original), at));
  });
});
