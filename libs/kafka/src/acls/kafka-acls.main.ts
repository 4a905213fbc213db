import { kafkaAclsCommands, platformAclBindings } from '@leadgate/contracts';
import { kafkaConnectionFromEnv } from '@leadgate/service-kit';
import { Kafka, logLevel } from 'kafkajs';
import { applyAcls } from '@leadgate/kafka/acls/apply-acls';

const USAGE = `usage: kafka-acls [apply | print] [--user-prefix PREFIX]
  apply  grant every service principal its ACLs (SERVICE_KAFKA_ACCESS) as the admin principal
         given by KAFKA_BROKERS and KAFKA_SASL_* / KAFKA_TLS* (the *_FILE variants too)
  print  the same ACLs as kafka-acls.sh commands
  --user-prefix  before each service's name in its Kafka user (deploy/k8s: leadgate-)
`;

/** The command and the user prefix, or null for a command line that is not understood. */
function parseArgs(argv: string[]): { command: string; userPrefix: string } | null {
  const args = [...argv];
  let userPrefix = '';
  const at = args.indexOf('--user-prefix');
  if (at >= 0) {
    userPrefix = args[at + 1] ?? '';
    if (!/^[a-z][a-z0-9-]*$/.test(userPrefix)) return null;
    args.splice(at, 2);
  }
  const [command = 'apply', ...rest] = args;
  return rest.length === 0 && ['apply', 'print'].includes(command) ? { command, userPrefix } : null;
}

/**
 * The ACL applier: compiled into every image (dist/libs/kafka/src/acls/kafka-acls.main.js), so the
 * compose one-shot and the k8s Job run it from a service image; `node tools/kafka-acls/apply.mjs`
 * runs it from a checkout. Prints counts and ACLs, never a credential.
 */
async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed) {
    process.stderr.write(USAGE);
    return 2;
  }
  const bindings = platformAclBindings({ userPrefix: parsed.userPrefix });
  if (parsed.command === 'print') {
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
