import { kafkaAclsCommands, platformAclBindings } from '@leadgate/contracts';
import { kafkaConnectionFromEnv } from '@leadgate/service-kit';
import { Kafka, logLevel } from 'kafkajs';
import { applyAcls } from '@leadgate/kafka/acls/apply-acls';

const USAGE = `usage: kafka-acls [apply | print]
  apply  grant every service principal its ACLs (SERVICE_KAFKA_ACCESS) as the admin principal
         given by KAFKA_BROKERS and KAFKA_SASL_* / KAFKA_TLS* (the *_FILE variants too)
  print  the same ACLs as kafka-acls.sh commands
`;

/**
 * The ACL applier: compiled into every image (dist/libs/kafka/src/acls/kafka-acls.main.js), so the
 * compose one-shot and the k8s Job run it from a service image; `node tools/kafka-acls/apply.mjs`
 * runs it from a checkout. Prints counts and ACLs, never a credential.
 */
async function main(argv: string[]): Promise<number> {
  const [command = 'apply', ...rest] = argv;
  if (rest.length > 0 || !['apply', 'print'].includes(command)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const bindings = platformAclBindings();
  if (command === 'print') {
    process.stdout.write(`${kafkaAclsCommands(bindings).join('\n')}\n`);
    return 0;
  }
  const kafka = new Kafka({
    clientId: 'leadgate-kafka-acls',
    ...kafkaConnectionFromEnv(process.env),
    logLevel: logLevel.ERROR,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const result = await applyAcls(admin, bindings);
    process.stdout.write(`kafka-acls: ${result.created.length} created, ${result.present} already present\n`);
    for (const binding of result.unexpected) {
      process.stdout.write(
        `kafka-acls: not in the source (left as is): ${binding.principal} ${binding.operation} ${binding.resourceType} ${binding.patternType} ${binding.resourceName}\n`,
      );
    }
  } finally {
    await admin.disconnect();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // ConfigError names variables, kafkajs errors name the broker's refusal: neither holds a secret.
    process.stderr.write(`kafka-acls: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
