// What the NetworkPolicies of deploy/k8s let each app's pods do, one grant per peer and port, so a
// test can say which traffic is open and compare it with what the app needs. Policies add up: a
// pod's grants are those of every policy that selects it for the direction.
import { appContainer, containerPort, K8sObject, Node, podTemplate, selects } from './manifests';

export type Direction = 'Ingress' | 'Egress';

/** The other side of a grant. */
export type Peer =
  | { kind: 'anyone' }
  | { kind: 'ipBlock'; cidr: string; except: string[] }
  /** Pods of other namespaces (podSelector, when set, narrows them). */
  | { kind: 'namespaces'; namespaceSelector: Node; podSelector?: Node }
  /** Pods of this namespace: the apps whose pods the selector picks. */
  | { kind: 'apps'; apps: string[] };

export interface Grant {
  peer: Peer;
  protocol: string;
  /** The port number (a named port resolved), or 'any' when the rule lists no ports. */
  port: number | 'any';
}

export interface App {
  name: string;
  labels: Record<string, string>;
  container: Node;
}

export function appsOf(deployments: K8sObject[]): App[] {
  return deployments.map((deployment) => ({
    name: String(deployment.metadata['name']),
    labels: (podTemplate(deployment)['metadata']?.labels ?? {}) as Record<string, string>,
    container: appContainer(deployment),
  }));
}

export function policiesSelecting(policies: K8sObject[], app: App, direction: Direction): K8sObject[] {
  return policies.filter(
    (policy) =>
      selects(policy['spec']?.podSelector, app.labels) &&
      ((policy['spec']?.policyTypes ?? ['Ingress']) as string[]).includes(direction),
  );
}

/** Every grant the policies give `app` in `direction`. */
export function grantsOf(policies: K8sObject[], apps: App[], app: App, direction: Direction): Grant[] {
  const rulesKey = direction === 'Ingress' ? 'ingress' : 'egress';
  const peersKey = direction === 'Ingress' ? 'from' : 'to';
  return policiesSelecting(policies, app, direction).flatMap((policy) =>
    ((policy['spec']?.[rulesKey] ?? []) as Node[]).flatMap((rule) => {
      const peers: Peer[] = rule[peersKey] ? (rule[peersKey] as Node[]).map((peer) => peerOf(peer, apps)) : [anyone];
      const ports = (rule['ports'] ?? [{ port: 'any' }]) as Node[];
      return peers.flatMap((peer) =>
        ports.flatMap((port): Grant[] => {
          const protocol = String(port['protocol'] ?? 'TCP');
          if (port['port'] === 'any') return [{ peer, protocol, port: 'any' }];
          // A named port is the selected pod's (ingress) or the destination pod's (egress).
          const owners = direction === 'Ingress' || peer.kind !== 'apps' ? [app] : appsNamed(apps, peer.apps);
          return owners.map((owner) => ({
            peer: direction === 'Egress' && peer.kind === 'apps' ? { kind: 'apps', apps: [owner.name] } : peer,
            protocol,
            port: containerPort(owner.container, port['port']) ?? Number.NaN,
          }));
        }),
      );
    }),
  );
}

const anyone: Peer = { kind: 'anyone' };

function peerOf(peer: Node, apps: App[]): Peer {
  if (peer['ipBlock']) {
    return { kind: 'ipBlock', cidr: String(peer['ipBlock'].cidr), except: (peer['ipBlock'].except ?? []) as string[] };
  }
  if (peer['namespaceSelector']) {
    return { kind: 'namespaces', namespaceSelector: peer['namespaceSelector'], podSelector: peer['podSelector'] };
  }
  return { kind: 'apps', apps: apps.filter((app) => selects(peer['podSelector'], app.labels)).map((app) => app.name) };
}

function appsNamed(apps: App[], names: string[]): App[] {
  return apps.filter((app) => names.includes(app.name));
}

/** One line per grant, for test messages. */
export function describeGrant(direction: Direction, app: App, grant: Grant): string {
  const peer = grant.peer;
  const other =
    peer.kind === 'anyone'
      ? 'anyone'
      : peer.kind === 'ipBlock'
        ? `ipBlock ${peer.cidr}${peer.except.length ? ` except ${peer.except.join(',')}` : ''}`
        : peer.kind === 'namespaces'
          ? `namespaces ${JSON.stringify(peer.namespaceSelector)}${peer.podSelector ? ` pods ${JSON.stringify(peer.podSelector)}` : ''}`
          : `apps [${peer.apps.join(',')}]`;
  const arrow = direction === 'Ingress' ? `${other} -> ${app.name}` : `${app.name} -> ${other}`;
  return `${arrow} on ${grant.port}/${grant.protocol}`;
}
