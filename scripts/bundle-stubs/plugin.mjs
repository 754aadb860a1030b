// The esbuild plugin that puts the modules of this folder in place of the
// packages they replace (used by scripts/build.mjs and the benchmark).
//
// Each entry names the only packages allowed to import the substituted module:
// the stub's safety argument (at the top of each stub) was made for exactly
// those call sites, so a dependency upgrade that starts importing it from
// somewhere else fails the build instead of shipping a stub where real code
// is needed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const stubsDir = path.dirname(fileURLToPath(import.meta.url));

/** module name -> the file that replaces it and the packages it was proven for. */
export const SUBSTITUTIONS = {
  // Credential providers: LiveClient passes its own credential object.
  '@alicloud/credentials': {
    stub: 'alicloud-credentials.js',
    importers: ['@alicloud/openapi-client', '@alicloud/gateway-spi'],
  },
  // Not a stub: wraps the real httpx so its timeouts mean what they say (connect bounds connecting only)
  // and each request's read timer ends with its response.
  httpx: { stub: 'httpx-timeouts.js', importers: ['@alicloud/tea-typescript'] },
  // The XML Live's gateway answers errors in, read by a small reader instead of xml2js and sax.
  xml2js: { stub: 'xml2js-error-reader.js', importers: ['@alicloud/tea-xml'] },
  // Silent: httpx's DEBUG output would print the security token header.
  debug: { stub: 'debug.js', importers: ['httpx'] },
  // Not a stub: node's zlib, loaded when a compressed answer first needs it rather than at start-up.
  zlib: { stub: 'zlib-lazy.js', importers: ['httpx'] },
};

function packageOf(file) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file.split(path.sep).join('/'));
  return match ? match[1] : '(not a package)';
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export const bundleStubs = {
  name: 'bundle-stubs',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(SUBSTITUTIONS).map(escape).join('|')})$`);
    build.onResolve({ filter }, (args) => {
      // A module here that wraps the real package requires it by name: let that through.
      if (args.importer.startsWith(stubsDir + path.sep)) return undefined;
      const { stub, importers } = SUBSTITUTIONS[args.path];
      const from = packageOf(args.importer);
      if (!importers.includes(from)) {
        return {
          errors: [
            {
              text:
                `${args.path} is replaced by scripts/bundle-stubs/${stub}, proven safe only for imports from ` +
                `${importers.join(', ')}; ${from} (${args.importer}) imports it too. Check that use first.`,
            },
          ],
        };
      }
      return { path: path.join(stubsDir, stub) };
    });
  },
};
