import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Principal, ProblemException } from '@leadgate/service-kit';
import type { Request } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { AuditAction, auditActionOf } from './audit-action';
import { AuditRecorder } from './audit-recorder';
import { NOT_AUDITED } from './not-audited';

type AuditedRequest = Request & { principal?: Principal };

const ACTOR_KINDS = new Set(['account', 'access', 'campaign', 'user', 'service']);

/** The id an answer gives its target: an id, else the key, slug or value of a schema piece. */
function idInAnswer(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const record = answer as Record<string, unknown>;
  for (const key of ['id', 'key', 'slug', 'value']) {
    const value = record[key];
    if (typeof value === 'string') return value;
  }
  return null;
}

/**
 * Records every mutation of the admin API (API.md §11) once it was made: who (the signed principal),
 * what (action and target, from the route: `auditActionOf`), the request id and the caller's address.
 * A call that failed changed nothing and is not recorded, except one that was stored but not yet
 * published (503 `publish_pending`): that change exists. A handler marked `@NotAudited` is a read
 * that happens to be a POST, and is never recorded.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly recorder: AuditRecorder,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const template = (request.route as { path?: string } | undefined)?.path;
    const action = template ? auditActionOf(request.method, template) : null;
    if (!action || this.exempt(context)) return next.handle();
    return next.handle().pipe(
      mergeMap((answer: unknown) => from(this.record(request, action, answer).then(() => answer))),
      catchError((error: unknown) => {
        const stored = error instanceof ProblemException && error.problemType === 'publish_pending';
        if (!stored) return throwError(() => error);
        return from(this.record(request, action, undefined)).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }

  private exempt(context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<string | undefined>(NOT_AUDITED, [context.getHandler(), context.getClass()]) !==
      undefined
    );
  }

  private async record(request: AuditedRequest, action: AuditAction, answer: unknown): Promise<void> {
    const principal = request.principal;
    if (!principal || !ACTOR_KINDS.has(principal.kind)) return;
    const params = (request.params ?? {}) as Record<string, string>;
    const targetId = (action.targetParam ? params[action.targetParam] : undefined) ?? idInAnswer(answer);
    const campaignId =
      params['campaignId'] ?? (action.targetType === 'campaigns' ? (targetId ?? null) : principal.campaign_id);
    await this.recorder.record({
      account_id: principal.account_id,
      actor: {
        kind: principal.kind as 'account' | 'access' | 'campaign' | 'user' | 'service',
        id: principal.token_id,
        name: principal.actor_name ?? null,
      },
      action: action.action,
      target: { type: action.targetType, id: targetId ?? null },
      campaign_id: campaignId ?? null,
      client_ip: principal.client_ip ?? null,
    });
  }
}
