// Checks a parsed manifest object against the Kubernetes OpenAPI schema of its kind, with the
// models of `kubernetes-models` (types, required fields, enums, quantities, int-or-string ports).
import { Service } from 'kubernetes-models/v1/Service';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';

interface KubernetesModel {
  apiVersion: string;
  kind: string;
  prototype: { validate(): void };
}

/** The kinds these manifests may use, by `apiVersion/kind`; anything else is a problem. */
const MODELS: KubernetesModel[] = [
  Namespace,
  ConfigMap,
  Secret,
  Service,
  Deployment,
  Job,
  HorizontalPodAutoscaler,
  PodDisruptionBudget,
  NetworkPolicy,
];
const MODEL_BY_TYPE = new Map(MODELS.map((model) => [`${model.apiVersion}/${model.kind}`, model]));

/**
 * What the schema refuses in `object`, as readable lines; [] when it is valid.
 *
 * kubernetes-models' schemas accept fields they do not know, but `kubectl apply` (strict field
 * validation) refuses them, and a misspelt security field (`readOnlyRootFileSystem`) would
 * otherwise pass silently. So the validator runs over a view of the object that records which
 * fields it reads: it reads every field the schema defines (and every entry of a map), so a field
 * it never read is one the schema does not have.
 */
export function kubernetesSchemaProblems(object: Record<string, unknown>): string[] {
  const type = `${String(object['apiVersion'])}/${String(object['kind'])}`;
  const model = MODEL_BY_TYPE.get(type);
  if (!model) return [`${type} is not a kind these manifests use (${[...MODEL_BY_TYPE.keys()].join(', ')})`];
  const read = new Set<string>();
  try {
    model.prototype.validate.call(recordingReads(object, '', read));
  } catch (error) {
    return [(error as Error).message];
  }
  return unreadFields(object, '', read).map((field) => `${field}: unknown field (kubectl apply refuses it)`);
}

function recordingReads(value: unknown, path: string, read: Set<string>): unknown {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value, {
    get(target, key, receiver) {
      const child = Reflect.get(target, key, receiver) as unknown;
      if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(target, key)) return child;
      read.add(`${path}/${key}`);
      return recordingReads(child, `${path}/${key}`, read);
    },
  });
}

function unreadFields(value: unknown, path: string, read: Set<string>): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const field = `${path}/${key}`;
    return read.has(field) ? unreadFields(child, field, read) : [field];
  });
}
