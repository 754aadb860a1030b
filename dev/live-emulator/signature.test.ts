import {
  ACS3,
  acsEncode,
  canonicalQueryString,
  canonicalRequest,
  parseAuthorization,
  sha256Hex,
  sign,
  stringToSign,
} from './signature';

/**
 * Alibaba Cloud's published ACS3-HMAC-SHA256 example ("V3版本请求体&签名机制",
 * help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature;
 * the same vector in the FC 3.0 "签名机制" page): RunInstances on ECS.
 */
const PUBLISHED = {
  secret: 'YourAccessKeySecret',
  method: 'POST',
  pathname: '/',
  query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
  headers: {
    host: 'ecs.cn-shanghai.aliyuncs.com',
    'x-acs-action': 'RunInstances',
    'x-acs-version': '2014-05-26',
    'x-acs-date': '2023-10-26T10:22:32Z',
    'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
    'x-acs-content-sha256': ACS3.emptyPayloadSha256,
  },
  signedHeaders: [
    'host',
    'x-acs-action',
    'x-acs-content-sha256',
    'x-acs-date',
    'x-acs-signature-nonce',
    'x-acs-version',
  ],
  canonicalRequest: [
    'POST',
    '/',
    'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
    'host:ecs.cn-shanghai.aliyuncs.com\n' +
      'x-acs-action:RunInstances\n' +
      'x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n' +
      'x-acs-date:2023-10-26T10:22:32Z\n' +
      'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n' +
      'x-acs-version:2014-05-26\n',
    'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  ].join('\n'),
  stringToSign: 'ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259',
  signature: '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
  authorization:
    'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
} as const;

const publishedInput = () => ({
  method: PUBLISHED.method,
  pathname: PUBLISHED.pathname,
  query: { ...PUBLISHED.query },
  headers: { ...PUBLISHED.headers } as Record<string, string>,
  hashedPayload: ACS3.emptyPayloadSha256,
  signedHeaders: [...PUBLISHED.signedHeaders],
});

describe('ACS3-HMAC-SHA256 signing (published RunInstances example)', () => {
  it.each<[string, () => string, string]>([
    ['hashes the empty body to the published x-acs-content-sha256', () => sha256Hex(''), ACS3.emptyPayloadSha256],
    ['builds the published canonical request', () => canonicalRequest(publishedInput()), PUBLISHED.canonicalRequest],
    ['builds the published string to sign', () => stringToSign(PUBLISHED.canonicalRequest), PUBLISHED.stringToSign],
    ['computes the published signature', () => sign(PUBLISHED.secret, PUBLISHED.stringToSign), PUBLISHED.signature],
  ])('%s', (_title, compute, published) => {
    expect(compute()).toBe(published);
  });

  it('computes the signature of the request-header example (09:01:01Z, nonce d410…) published with it', () => {
    const input = publishedInput();
    input.headers['x-acs-date'] = '2023-10-26T09:01:01Z';
    input.headers['x-acs-signature-nonce'] = 'd410180a5abf7fe235dd9b74aca91fc0';
    expect(sign(PUBLISHED.secret, stringToSign(canonicalRequest(input)))).toBe(
      'e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804',
    );
  });

  it('gives the same canonical request whatever the header-name case or signed-header order', () => {
    const input = publishedInput();
    const { host, ...rest } = input.headers;
    const shuffled = {
      ...input,
      headers: { ...rest, Host: `  ${host} ` },
      signedHeaders: ['X-Acs-Version', ...input.signedHeaders.slice(0, 5).reverse()],
    };
    expect(canonicalRequest(shuffled)).toBe(PUBLISHED.canonicalRequest);
  });

  it('signs a header named in SignedHeaders but absent from the request as empty', () => {
    const canonical = canonicalRequest({ ...publishedInput(), signedHeaders: ['host', 'content-type'] });
    expect(canonical.split('\n').slice(3, 6)).toEqual(['content-type:', 'host:ecs.cn-shanghai.aliyuncs.com', '']);
  });
});

describe('acsEncode', () => {
  it.each([
    ['AZaz09-_.~', 'AZaz09-_.~'],
    ['a b', 'a%20b'],
    ["!'()*", '%21%27%28%29%2A'],
    ['a+b=c&d/e:f', 'a%2Bb%3Dc%26d%2Fe%3Af'],
    ['直播', '%E7%9B%B4%E6%92%AD'],
    ['', ''],
  ])('encodes %j as %j', (input, expected) => {
    expect(acsEncode(input)).toBe(expected);
  });
});

describe('canonicalQueryString', () => {
  it('sorts keys by code unit and encodes values', () => {
    expect(canonicalQueryString({ b: 'x y', RegionId: 'cn-shanghai', A: "it's(*)", a: '' })).toBe(
      'A=it%27s%28%2A%29&RegionId=cn-shanghai&a=&b=x%20y',
    );
  });

  it('is empty for no parameters', () => {
    expect(canonicalQueryString({})).toBe('');
  });
});

describe('parseAuthorization', () => {
  it('parses the published Authorization header', () => {
    expect(parseAuthorization(PUBLISHED.authorization)).toEqual({
      algorithm: 'ACS3-HMAC-SHA256',
      accessKeyId: 'YourAccessKeyId',
      signedHeaders: [...PUBLISHED.signedHeaders],
      signature: PUBLISHED.signature,
    });
  });

  it('tolerates spaces after commas and lower-cases header names', () => {
    expect(
      parseAuthorization('ACS3-HMAC-SHA256 Credential=STS.abc, SignedHeaders=Host;X-Acs-Date, Signature=ab12'),
    ).toEqual({
      algorithm: 'ACS3-HMAC-SHA256',
      accessKeyId: 'STS.abc',
      signedHeaders: ['host', 'x-acs-date'],
      signature: 'ab12',
    });
  });

  it.each([
    ['nothing', undefined],
    ['an empty header', ''],
    ['no algorithm', 'Credential=k,SignedHeaders=host,Signature=ab'],
    ['no Credential', 'ACS3-HMAC-SHA256 SignedHeaders=host,Signature=ab'],
    ['an empty Credential', 'ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=ab'],
    ['no SignedHeaders', 'ACS3-HMAC-SHA256 Credential=k,Signature=ab'],
    ['no Signature', 'ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host'],
    ['a V2-style header', 'acs k:c2lnbmF0dXJl'],
  ])('returns null for %s', (_label, header) => {
    expect(parseAuthorization(header)).toBeNull();
  });
});
