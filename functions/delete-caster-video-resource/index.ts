/**
 * caster-video-resource-delete: removes an input source from an ApsaraVideo
 * Live production studio (DeleteCasterVideoResource). See README.md.
 */

export { httpHandler } from './delivery/fc2-http-adapter';
export { handler } from './handler';
