/**
 * caster-video-resource-delete: removes an input source from an ApsaraVideo
 * Live production studio (DeleteCasterVideoResource). See README.md.
 */
export { httpHandler } from './fc2-handler';
export { handler } from './handler';
