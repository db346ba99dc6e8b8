// Test helpers for other packages' tests (`@countersign/runtime/testing`); never imported by the product.
export { startSmtpSink, type SinkMessage, type SmtpSink } from './smtp-sink.ts';
