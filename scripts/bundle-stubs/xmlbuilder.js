// Bundle-time substitute for xmlbuilder (wired in by plugin.mjs, used by scripts/build.mjs).
//
// Why this is safe: xmlbuilder writes XML. In this bundle its only importer is
// xml2js/lib/builder.js, whose Builder#buildObject calls `create` below; the
// only user of xml2js's Builder is @alicloud/tea-xml's `toXML`, and
// @alicloud/openapi-client calls tea-xml's `parseXml` only (to read an XML
// error body), never `toXML`. The function sends no XML. So none of
// xmlbuilder's 69 KB runs; xml2js's Parser, which does run for XML error
// bodies, is kept whole.
//
// Reached anyway? It throws rather than write an empty document.
'use strict';

exports.create = function create() {
  throw new Error('xmlbuilder is stubbed out of this bundle (scripts/bundle-stubs/xmlbuilder.js): nothing here writes XML.');
};
