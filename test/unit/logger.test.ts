// Secrets masked in every line are test/integration/secrets.test.ts's, which scans debug-level lines.
import { Logger } from '../../functions/delete-caster-video-resource/logger';

function lines(level: 'debug' | 'warn', base: Record<string, unknown>, write: (logger: Logger) => void) {
  const out: string[] = [];
  write(new Logger(level, base, [], (l) => out.push(l)));
  return out;
}

describe('Logger', () => {
  it('drops lines below its level', () => {
    expect(lines('warn', {}, (l) => l.log('info', 'dropped'))).toEqual([]);
  });

  it('writes each line as one JSON object on one line', () => {
    const [line] = lines('debug', {}, (l) => l.log('info', 'say "hi"\n'));
    expect(line.endsWith('}\n') && line.split('\n').length === 2).toBe(true);
  });

  it("writes the level, message and time first, then the base fields, then the line's own", () => {
    const [line] = lines('debug', { invocationId: 'inv' }, (l) =>
      l.log('warn', 'w', { n: 1, nested: { a: [1, '2'] } }),
    );
    expect(Object.entries(JSON.parse(line))).toEqual([
      ['level', 'warn'],
      ['message', 'w'],
      ['time', expect.stringMatching(/^\d{4}-\d\d-\d\dT/)],
      ['invocationId', 'inv'],
      ['n', 1],
      ['nested', { a: [1, '2'] }],
    ]);
  });
});
