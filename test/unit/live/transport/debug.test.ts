import path from 'node:path';

const transport = path.resolve(__dirname, '../../../../functions/delete-caster-video-resource/live/transport');
const load = (file: string) => require(path.join(transport, file));

describe('debug stub', () => {
  it('gives silent loggers that report themselves disabled, whatever DEBUG says', () => {
    const createDebug = load('debug.js');
    const logger = createDebug('httpx:header');
    expect(logger.enabled).toBe(false);
    expect(logger('> %s', 'x-acs-security-token: t')).toBeUndefined();
  });
});
