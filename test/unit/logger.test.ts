import { Logger } from '../../functions/delete-caster-video-resource/logger';

function lines(
  level: 'debug' | 'warn',
  base: Record<string, unknown>,
  secrets: string[],
  write: (logger: Logger) => void,
) {
  const out: string[] = [];
  write(new Logger(level, base, secrets, (l) => out.push(l)));
  return out;
}

describe('Logger', () => {
  it('drops lines below its level', () => {
    expect(lines('warn', {}, [], (l) => l.log('info', 'dropped'))).toEqual([]);
  });

  it('masks secrets in every line', () => {
    const [line] = lines('warn', {}, ['s3cr3t-value'], (l) => l.log('error', 'kept', { detail: 'leak s3cr3t-value' }));
    expect(JSON.parse(line).detail).toBe('leak ***');
  });

  it('writes each line as one JSON object on one line', () => {
    const [line] = lines('debug', {}, [], (l) => l.log('info', 'say "hi"\n'));
    expect(line.endsWith('}\n') && line.split('\n').length === 2).toBe(true);
  });

  it('writes the level, message and time first', () => {
    const [line] = lines('debug', {}, [], (l) => l.log('info', 'm'));
    expect(JSON.parse(line)).toEqual({ level: 'info', message: 'm', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('writes the base fields after them', () => {
    const [line] = lines('debug', { invocationId: 'inv', trigger: 'http' }, [], (l) => l.log('warn', 'w'));
    expect(Object.keys(JSON.parse(line))).toEqual(['level', 'message', 'time', 'invocationId', 'trigger']);
  });

  it("writes the line's own fields last", () => {
    const [line] = lines('debug', {}, [], (l) => l.log('debug', 'd', { n: 1, nested: { a: [1, '2'] } }));
    expect(JSON.parse(line)).toMatchObject({ level: 'debug', n: 1, nested: { a: [1, '2'] } });
  });
});
