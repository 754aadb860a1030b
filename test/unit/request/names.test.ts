import { nameOf } from '../../../functions/delete-caster-video-resource/request/names';

describe('nameOf', () => {
  it.each(['DryRun', 'dryrun', 'DRYRUN'])('reads %s as the field DryRun', (key) => {
    expect(nameOf(key)).toEqual({ kind: 'field', name: 'DryRun' });
  });

  it.each([
    ['full-width', 'ＤｒｙＲｕｎ'],
    ['mathematical bold', '𝐃𝐫𝐲𝐑𝐮𝐧'],
    ['a Cyrillic letter', 'Drуrun'],
    ['accents', 'D\u0301ryRun'],
    ['a zero-width space', 'Dry\u200bRun'],
    ['Cyrillic and Armenian', 'Dr\u0443R\u057d\u0578'],
    ['Cherokee', 'ᎠrуᏒսո'],
    ['small capital', 'ᴅʀʏʀᴜɴ'],
    ['stroked', 'ĐɍɏRun'],
    ['Warang Citi and Miao letters no look-alike table holds', 'Dr𑣜𖼵𑣘n'],
  ])('reads %s letters as a look-alike of DryRun', (_name, key) => {
    expect(nameOf(key)).toEqual({ kind: 'misread', meant: 'DryRun', lookalike: true });
  });

  it.each([
    ['DryRn', 'DryRun'],
    ['isDryRun', 'DryRun'],
    ['Resource_Id', 'ResourceId'],
    ['item', 'Items'],
    ['Region', 'RegionId'],
  ])('reads %s as a near miss of %s', (key, meant) => {
    expect(nameOf(key)).toEqual({ kind: 'misread', meant, lookalike: false });
  });

  it.each(['body', 'Body', 'ｂｏｄｙ', 'message_body', 'data_base64', 'Payload', 'b𑣗d𑣜', 'Me𑣁𑣁age'])(
    'reads %s as a message carrier',
    (key) => {
      expect(nameOf(key).kind).toBe('carrier');
    },
  );

  it.each([
    'requestId',
    'MessageId',
    'aliyunregionid',
    'date',
    'values',
    'topic',
    'x'.repeat(10_000),
    'Статус',
    'Примечание',
    '备注',
    '中文元数据键',
  ])('leaves %s alone', (key) => {
    expect(nameOf(key)).toEqual({ kind: 'other' });
  });
});
