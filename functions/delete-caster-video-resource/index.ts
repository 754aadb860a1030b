/**
 * caster-video-resource-delete: removes an input source from an ApsaraVideo
 * Live production studio (DeleteCasterVideoResource). See README.md.
 */
export { handler } from './handler';
export { httpHandler } from './delivery/fc2-http-adapter';
