import path from 'node:path';

const transport = path.resolve(__dirname, '../../../../functions/delete-caster-video-resource/live/transport');
const load = (file: string) => require(path.join(transport, file));

describe('XML error reader (in place of xml2js)', () => {
  const { Parser, Builder } = load('xml2js.js');
  const real = jest.requireActual('xml2js');
  const parse = (text: string, parser: { parseString(t: string, cb: (e: unknown, v: unknown) => void): void }) => {
    let out: { err: unknown; value: unknown } | undefined;
    parser.parseString(text, (err, value) => (out = { err, value }));
    return out!;
  };
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

  it.each([
    [
      "Live's error document",
      "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>5C1A</RequestId><HostId>live.aliyuncs.com</HostId><Code>Throttling.User</Code><Message>Request was denied due to user flow control.</Message><Recommend><![CDATA[https://api.aliyun.com/troubleshoot?q=Throttling.User]]></Recommend></Error>",
    ],
    [
      'entities and a character reference',
      '<Error><Code>A&amp;B</Code><Message>&lt;x&gt; &quot;y&quot; &apos;z&apos; &#65;&#x42;</Message></Error>',
    ],
    ['whitespace between elements', '<Error>\n  <Code>X</Code>\n  <Message>m</Message>\n</Error>\n'],
    ['a repeated element', '<Error><Detail>a</Detail><Detail>b</Detail><Code>C</Code></Error>'],
    ['an empty element', '<Error><Code/><Message></Message></Error>'],
  ])('reads %s as xml2js does', (_name, text) => {
    const ours = parse(text, new Parser({ explicitArray: false }));
    const theirs = parse(text, new real.Parser({ explicitArray: false }));
    expect(ours.err).toBeNull();
    expect(plain(ours.value)).toEqual(plain(theirs.value));
  });

  it.each([
    ['an empty body', ''],
    ['text that is not XML', 'Service Unavailable'],
    ['an unclosed element', '<Error><Code>X</Code>'],
    ['mismatched tags', '<Error><Code>X</Message></Error>'],
    ['two root elements', '<A/><B/>'],
  ])('refuses %s with an error', (_name, text) => {
    expect(parse(text, new Parser({ explicitArray: false })).err).toBeInstanceOf(SyntaxError);
  });

  it('keeps an element named __proto__ an ordinary key', () => {
    const { value } = parse('<Error><__proto__><polluted>yes</polluted></__proto__></Error>', new Parser()) as {
      value: any;
    };
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(value.Error)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(value.Error, '__proto__')?.value.polluted).toBe('yes');
  });

  it('writes no XML: the Builder throws', () => {
    expect(() => new Builder().buildObject({})).toThrow(/never writes XML/);
  });
});
