// Reads deploy/k8s: every YAML document of every file, parsed with `yaml`, tagged with its file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Node = Record<string, any>;

export interface K8sObject extends Node {
  kind: string;
  metadata: Node;
  file: string;
}

export const K8S_DIR = 'deploy/k8s';
/** Shapes of what the operator creates (placeholders); `kubectl apply -f deploy/k8s/` skips it. */
export const K8S_EXAMPLES_DIR = 'deploy/k8s/examples';

/** Every object of the YAML files directly in `dir` (not below it, as `kubectl apply -f dir`). */
export function loadK8s(root: string, dir = K8S_DIR): K8sObject[] {
  const objects: K8sObject[] = [];
  const files = readdirSync(path.join(root, dir)).filter((name) => /\.ya?ml$/.test(name));
  for (const file of files.sort()) {
    const text = readFileSync(path.join(root, dir, file), 'utf8');
    for (const document of parseAllDocuments(text)) {
      if (document.errors.length > 0) {
        throw new Error(`${dir}/${file}: ${document.errors.map((error) => error.message).join('; ')}`);
      }
      const object = document.toJS() as Node | null;
      if (object) objects.push({ ...object, file: `${dir}/${file}` } as K8sObject);
    }
  }
  return objects;
}

/** The object as the API server gets it: without the file it came from. */
export function withoutFile(object: K8sObject): Node {
  const { file: _file, ...rest } = object;
  return rest;
}

export function describeObject(object: K8sObject): string {
  return `${object.file}: ${object.kind} "${object.metadata?.['name']}"`;
}

export function podTemplate(deployment: K8sObject): Node {
  return (deployment['spec']?.template ?? {}) as Node;
}

export function appContainer(deployment: K8sObject): Node {
  const containers = (podTemplate(deployment)['spec']?.containers ?? []) as Node[];
  return containers.find((container) => container['name'] === deployment.metadata['name']) ?? containers[0] ?? {};
}

/** A container port by number or by name; undefined when the container has no such port. */
export function containerPort(container: Node, port: unknown): number | undefined {
  if (typeof port === 'number') return port;
  const named = ((container['ports'] ?? []) as Node[]).find((entry) => entry['name'] === port);
  return named ? Number(named['containerPort']) : undefined;
}

/** Whether a label selector (matchLabels and matchExpressions) selects these labels. */
export function selects(selector: Node | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const matchLabels = (selector['matchLabels'] ?? {}) as Record<string, string>;
  if (Object.entries(matchLabels).some(([key, value]) => labels[key] !== value)) return false;
  return ((selector['matchExpressions'] ?? []) as Node[]).every((expression) => {
    const value = labels[expression['key']];
    const values = (expression['values'] ?? []) as string[];
    switch (expression['operator']) {
      case 'In':
        return value !== undefined && values.includes(value);
      case 'NotIn':
        return value === undefined || !values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
}
