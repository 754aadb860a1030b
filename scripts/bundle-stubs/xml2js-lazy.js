// Bundle-time wrapper, not a stub: the real xml2js, loaded at its first use
// instead of at every cold start. With sax under it, it is a quarter of the
// bundle, and tea-xml (its only importer, checked by plugin.mjs) touches it
// only inside parseXml / toXML, which run when Live answers an error as XML:
// never on the way of a normal delete. tea-xml reads `Parser` and `Builder`
// when it parses, not when it loads, so these getters are enough.
'use strict';
let real;
const load = () => (real = real || require('xml2js'));

module.exports = {
  get Parser() {
    return load().Parser;
  },
  get Builder() {
    return load().Builder;
  },
};
