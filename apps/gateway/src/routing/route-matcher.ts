import type { IncomingMessage } from 'node:http';
import { ANSWERED_HERE, Route, RouteMatch, ROUTES } from './route-table';

/** A known path asked with a method it does not have: 405 with these methods in `Allow` (RFC 9110 §15.5.6). */
export interface MethodNotAllowed {
  methodAllowed: false;
  allow: string[];
}

/**
 * The route table as a tree of path segments. Every request is matched at the edge (the 405 check)
 * and routed with that same match, so matching walks a few nodes instead of testing every pattern
 * (issue 13: a scan of the table cost 7–25 µs a request, as much as the rest of the edge).
 */
interface SegmentNode {
  literals: Map<string, SegmentNode>;
  /** Any `:name` segment: names differ between patterns, so each route reads its own names back. */
  parameter: SegmentNode | undefined;
  routes: { route: Route; segments: string[] }[];
  /** Methods the gateway answers itself on the pattern that ends here (MeRoute, SessionController). */
  answeredHere: string[];
}

const newNode = (): SegmentNode => ({ literals: new Map(), parameter: undefined, routes: [], answeredHere: [] });
const segmentsOf = (pattern: string) => pattern.split('/').slice(1);

function nodeFor(root: SegmentNode, segments: string[]): SegmentNode {
  let node = root;
  for (const segment of segments) {
    if (segment.startsWith(':')) {
      node = node.parameter ??= newNode();
    } else {
      let next = node.literals.get(segment);
      if (!next) node.literals.set(segment, (next = newNode()));
      node = next;
    }
  }
  return node;
}

const ROOT = newNode();
for (const route of ROUTES) {
  const segments = segmentsOf(route.pattern);
  nodeFor(ROOT, segments).routes.push({ route, segments });
}
for (const { pattern, methods } of ANSWERED_HERE) nodeFor(ROOT, segmentsOf(pattern)).answeredHere.push(...methods);

/** A path segment as a parameter value: plain characters only, never empty, never `.` or `..`. */
const SAFE_SEGMENT = /^[A-Za-z0-9._~-]{1,200}$/;
const isSafeParameter = (value: string) => SAFE_SEGMENT.test(value) && value !== '.' && value !== '..';

/** Every pattern end a path reaches, with how many of its segments were literal. */
interface Reached {
  node: SegmentNode;
  literals: number;
}

function reach(node: SegmentNode, segments: string[], index: number, literals: number, out: Reached[]): void {
  if (index === segments.length) {
    out.push({ node, literals });
    return;
  }
  const segment = segments[index];
  const literal = node.literals.get(segment);
  if (literal) reach(literal, segments, index + 1, literals + 1, out);
  if (node.parameter && isSafeParameter(segment)) reach(node.parameter, segments, index + 1, literals, out);
}

/** What a method and path resolve to: the routes that own the path, and what the gateway answers there. */
interface Resolution {
  segments: string[];
  /** The most literal routes that match the path, whatever their method. */
  owners: { route: Route; segments: string[] }[];
  answeredHere: string[];
}

const pathSegments = (path: string) => path.replace(/\/+$/, '').split('/').slice(1);

function resolve(path: string): Resolution {
  const segments = pathSegments(path);
  const reached: Reached[] = [];
  reach(ROOT, segments, 0, 0, reached);
  // Plain loops: this runs on every request, and flatMap/filter cost more than the walk itself.
  let mostLiterals = -1;
  for (const { node, literals } of reached) {
    if (node.routes.length > 0 && literals > mostLiterals) mostLiterals = literals;
  }
  const owners: Resolution['owners'] = [];
  const answeredHere: string[] = [];
  for (const { node, literals } of reached) {
    if (literals === mostLiterals) owners.push(...node.routes);
    answeredHere.push(...node.answeredHere);
  }
  return { segments, owners, answeredHere };
}

function paramsOf(pattern: string[], actual: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  pattern.forEach((segment, index) => {
    if (segment.startsWith(':')) params[segment.slice(1)] = actual[index];
  });
  return params;
}

/** The owning route for `method`, with the path's parameters under its own names; null when none has it. */
function routeFor(resolution: Resolution, method: string): RouteMatch | null {
  const owner = resolution.owners.find(({ route }) => route.method === method);
  return owner ? { route: owner.route, params: paramsOf(owner.segments, resolution.segments) } : null;
}

/** 405 with every method the path has (in the table or answered here), or null for an unknown path. */
function methodNotAllowed({ owners, answeredHere }: Resolution): MethodNotAllowed | null {
  const allow = new Set([...owners.map(({ route }) => route.method), ...answeredHere]);
  return allow.size > 0 ? { methodAllowed: false, allow: [...allow].sort() } : null;
}

/**
 * The route for a method and path, with its parameters. The most literal patterns that match a
 * path own it, for every method: `/leads/batch` is the batch route and never a lead called "batch"
 * (ids never look like that), so GET there is 405, as the documents say. `allow` tells 405 from 404.
 */
export function matchRoute(method: string, path: string): RouteMatch | MethodNotAllowed | null {
  const resolution = resolve(path);
  return routeFor(resolution, method) ?? methodNotAllowed(resolution);
}

/** What the edge decided for a request: refused, or its route (null: the gateway answers it, or 404). */
export type EdgeDecision = { refused: MethodNotAllowed } | { refused: null; match: RouteMatch | null };

/**
 * The 405 for `method` on `path` when the path is known but has no such method (in the table or
 * answered by the gateway itself), else the route it takes: what the edge decides before it reads
 * anything else. The `Allow` list is built only for a refusal.
 */
export function decideAtEdge(method: string, path: string): EdgeDecision {
  const resolution = resolve(path);
  const match = routeFor(resolution, method);
  if (match) return { refused: null, match };
  if (resolution.answeredHere.includes(method)) return { refused: null, match: null };
  const refused = methodNotAllowed(resolution);
  return refused ? { refused } : { refused: null, match: null };
}

/** The edge's match, handed to routing so a request is matched once (RouteAuthGuard). */
const MATCHED_AT_EDGE = new WeakMap<IncomingMessage, RouteMatch>();

export function rememberEdgeMatch(request: IncomingMessage, match: RouteMatch): void {
  MATCHED_AT_EDGE.set(request, match);
}

/** The route the edge matched for this request, else matched now (e.g. a request the edge did not see). */
export function routeOf(request: IncomingMessage, method: string, path: string): RouteMatch | MethodNotAllowed | null {
  return MATCHED_AT_EDGE.get(request) ?? matchRoute(method, path);
}
