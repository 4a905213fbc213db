import { AclBinding } from '@leadgate/contracts/kafka-access/acl-bindings';

const OPERATION_WORD: Record<AclBinding['operation'], string> = {
  READ: 'Read',
  WRITE: 'Write',
  DESCRIBE: 'Describe',
  CREATE: 'Create',
  IDEMPOTENT_WRITE: 'IdempotentWrite',
};

/** Single-quoted for a POSIX shell. */
const quoted = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * The same ACLs as `kafka-acls.sh --add` commands, one per principal and resource (its operations
 * together), for operators who apply them with Kafka's own tools. `$KAFKA_BROKERS` and the admin's
 * client properties file are the operator's.
 */
export function kafkaAclsCommands(bindings: readonly AclBinding[], commandConfig = 'admin.properties'): string[] {
  const grouped = new Map<string, { binding: AclBinding; operations: string[] }>();
  for (const binding of bindings) {
    const key = [binding.principal, binding.resourceType, binding.patternType, binding.resourceName].join('\u0000');
    const entry = grouped.get(key) ?? { binding, operations: [] };
    entry.operations.push(OPERATION_WORD[binding.operation]);
    grouped.set(key, entry);
  }
  return [...grouped.values()].map(({ binding, operations }) => {
    const resource =
      binding.resourceType === 'CLUSTER'
        ? '--cluster'
        : `--${binding.resourceType.toLowerCase()} ${quoted(binding.resourceName)}` +
          (binding.patternType === 'PREFIXED' ? ' --resource-pattern-type prefixed' : '');
    return [
      'kafka-acls.sh --bootstrap-server "$KAFKA_BROKERS"',
      `--command-config ${quoted(commandConfig)} --add`,
      `--allow-principal ${quoted(binding.principal)}`,
      ...operations.map((operation) => `--operation ${operation}`),
      resource,
    ].join(' ');
  });
}
