import { AclBinding } from '@leadgate/contracts';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Admin, ResourcePatternTypes } from 'kafkajs';

export interface AclApplyResult {
  /** Bindings that were missing and were created. */
  created: AclBinding[];
  /** Bindings that were there already. */
  present: number;
  /** ALLOW rules a service principal has on the broker that the source does not grant (left alone, reported). */
  unexpected: AclBinding[];
}

const bindingKey = (binding: AclBinding) =>
  [binding.principal, binding.resourceType, binding.patternType, binding.resourceName, binding.operation].join(' ');

/** kafkajs's numeric enum of `name`, or undefined for a name the source never uses. */
function nameOf<T extends Record<string, string | number>>(values: T, code: number): string | undefined {
  return Object.entries(values).find(([, value]) => value === code)?.[0];
}

function toKafkajs(binding: AclBinding) {
  return {
    principal: binding.principal,
    host: '*',
    resourceType: AclResourceTypes[binding.resourceType],
    resourceName: binding.resourceName,
    resourcePatternType: ResourcePatternTypes[binding.patternType],
    operation: AclOperationTypes[binding.operation],
    permissionType: AclPermissionTypes.ALLOW,
  };
}

/** Every ALLOW rule the broker holds for `principals`, in the source's terms. */
async function aclsOf(admin: Admin, principals: Iterable<string>): Promise<AclBinding[]> {
  const found: AclBinding[] = [];
  for (const principal of principals) {
    const { resources } = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      principal,
      host: '*',
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ALLOW,
    });
    for (const resource of resources) {
      for (const acl of resource.acls) {
        found.push({
          principal: acl.principal as AclBinding['principal'],
          resourceType: nameOf(AclResourceTypes, resource.resourceType) as AclBinding['resourceType'],
          resourceName: resource.resourceName,
          patternType: nameOf(ResourcePatternTypes, resource.resourcePatternType) as AclBinding['patternType'],
          operation: nameOf(AclOperationTypes, acl.operation) as AclBinding['operation'],
        });
      }
    }
  }
  return found;
}

/**
 * Makes the broker grant `bindings`: creates the missing ones (creating an existing ACL is a no-op
 * for Kafka too, so a rerun changes nothing). Grants it finds beyond them are reported, not
 * removed: an operator may have added one on purpose, and a revoke should be a decision.
 */
export async function applyAcls(admin: Admin, bindings: readonly AclBinding[]): Promise<AclApplyResult> {
  const existing = await aclsOf(admin, new Set(bindings.map((binding) => binding.principal)));
  const existingKeys = new Set(existing.map(bindingKey));
  const wantedKeys = new Set(bindings.map(bindingKey));
  const created = bindings.filter((binding) => !existingKeys.has(bindingKey(binding)));
  if (created.length > 0) await admin.createAcls({ acl: created.map(toKafkajs) });
  return {
    created,
    present: bindings.length - created.length,
    unexpected: existing.filter((binding) => !wantedKeys.has(bindingKey(binding))),
  };
}
