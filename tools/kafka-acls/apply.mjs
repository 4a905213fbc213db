#!/usr/bin/env node
// @ts-check
// Grants every service principal its Kafka ACLs, from the one source (libs/contracts
// SERVICE_KAFKA_ACCESS), as the admin principal of KAFKA_BROKERS / KAFKA_SASL_* / KAFKA_TLS*
// (the *_FILE variants too, as tools/lib/kafka-client.mjs reads them). Idempotent.
//
//   node tools/kafka-acls/apply.mjs [apply]   create the missing ACLs, report unexpected ones
//   node tools/kafka-acls/apply.mjs print     the same as kafka-acls.sh commands
//   ... --user-prefix leadgate-               users named leadgate-<service> (deploy/k8s)
//
// The code is libs/kafka/src/acls (compiled into every image: the compose one-shot and the k8s Job
// run `node dist/libs/kafka/src/acls/kafka-acls.main.js` there); this runs it from a checkout,
// building dist/ first when it is stale. Loading the module runs it with this process's arguments.
import { loadBuilt } from '../lib/built.mjs';

await loadBuilt('libs/kafka/src/acls/kafka-acls.main.js');
