// The Live state the properties run against.

export const CASTER = 'LIVEPRODUCER_POST-cn-demo0001';
/** Resources valid requests name. */
export const POOL = Array.from({ length: 12 }, (_, i) => `prop-res-${i}`);
/** Valid-format IDs that are not in Live: deleting them answers already_absent. */
export const ABSENT = ['prop-absent-0', 'prop-absent-1'];
/** Present in Live but only ever placed under keys the function must not read. */
export const DECOY_CASTER = 'LIVEPRODUCER_POST-decoy';
export const DECOYS = ['decoy-res-0', 'decoy-res-1', 'decoy-res-2'];
export const PROPERTY_SEED = { casters: { [CASTER]: [...POOL, ...DECOYS], [DECOY_CASTER]: [...DECOYS] } };
