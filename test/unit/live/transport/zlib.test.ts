import path from 'node:path';

const transport = path.resolve(__dirname, '../../../../functions/delete-caster-video-resource/live/transport');
const load = (file: string) => require(path.join(transport, file));

describe('zlib lazy wrapper', () => {
  function loading(run: (lazy: { createGunzip(): { pipe: unknown }; createInflate(): unknown }) => void): number {
    let loaded = 0;
    jest.isolateModules(() => {
      jest.doMock('node:zlib', () => {
        loaded += 1;
        return jest.requireActual('node:zlib');
      });
      run(load('zlib.js'));
    });
    return loaded;
  }

  it("does not load node's zlib when it is imported", () => {
    expect(loading(() => undefined)).toBe(0);
  });

  it('loads it once, when a compressed answer first needs it', () => {
    expect(
      loading((lazy) => {
        lazy.createGunzip();
        lazy.createInflate();
      }),
    ).toBe(1);
  });

  it('hands out working streams', () => {
    loading((lazy) => expect(typeof lazy.createGunzip().pipe).toBe('function'));
  });
});
