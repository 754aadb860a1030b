// Every delivery kind a trigger hands the function, built from the documented
// examples in events/ with any message (see events/README.md).
export * from './envelopes/base';
export * from './envelopes/eventbridge-mns';
export * from './envelopes/queues';
