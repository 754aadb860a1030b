// Put in place of zlib in the bundle (scripts/build.mjs); a wrapper, not a stub: node's zlib, loaded when a response first
// needs decompressing instead of at every cold start. httpx (its only
// importer, checked by the build) uses it only to unpack a gzip or deflate
// body, and Live's answers come uncompressed: nothing asks for compression.

let real;
const load = () => (real = real || require('node:zlib'));

module.exports = {
  createGunzip: (...args) => load().createGunzip(...args),
  createInflate: (...args) => load().createInflate(...args),
};
