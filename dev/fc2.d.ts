// @alicloud/fc2 ships no types; this is the part `npm run smoke` uses.
declare module '@alicloud/fc2' {
  interface FCClientOptions {
    accessKeyID: string;
    accessKeySecret: string;
    securityToken?: string;
    region: string;
    endpoint?: string;
    secure?: boolean;
    timeout?: number;
  }
  export default class FCClient {
    constructor(accountId: string, options: FCClientOptions);
    get(
      path: string,
      query?: Record<string, string>,
      headers?: Record<string, string>,
    ): Promise<{ headers: Record<string, string>; data: unknown }>;
    post(
      path: string,
      body: string | Buffer,
      headers?: Record<string, string>,
    ): Promise<{ headers: Record<string, string>; data: unknown }>;
  }
}
