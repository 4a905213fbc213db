export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

/** The process's KafkaConnection (brokers, TLS, SASL), built once at boot from the settings. */
export const KAFKA_CONNECTION = Symbol('KAFKA_CONNECTION');
