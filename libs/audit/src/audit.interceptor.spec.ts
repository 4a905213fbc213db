import { ExecutionContext, Post } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { lastValueFrom, of } from 'rxjs';
import { AuditRecorder } from './audit-recorder';
import { AuditInterceptor } from './audit.interceptor';
import { NotAudited } from './not-audited';

class FiltersLikeController {
  @Post()
  create() {
    return { id: 'flt_1' };
  }

  @Post('preview')
  @NotAudited('previews a condition; nothing is stored')
  preview() {
    return { matching: 0 };
  }
}

@NotAudited('every route here reads')
class ReadsOnlyController {
  @Post('search')
  search() {
    return [];
  }
}

const principal = {
  token_id: 'tok_admin',
  account_id: 'acc_1',
  kind: 'account' as const,
  scopes: ['admin'],
  campaign_id: null,
  filter_id: null,
  actor_name: 'Owner',
};

function httpContext(controller: object, handler: (...args: never[]) => unknown, path: string): ExecutionContext {
  const request = { method: 'POST', route: { path }, params: { campaignId: 'cmp_1' }, principal };
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => handler,
    getClass: () => controller,
  } as unknown as ExecutionContext;
}

describe('AuditInterceptor', () => {
  const record = jest.fn(async () => undefined);
  const interceptor = new AuditInterceptor({ record } as unknown as AuditRecorder, new Reflector());

  beforeEach(() => record.mockClear());

  async function call(context: ExecutionContext, answer: unknown) {
    return lastValueFrom(interceptor.intercept(context, { handle: () => of(answer) }));
  }

  it('records an admin POST', async () => {
    const { prototype } = FiltersLikeController;
    await call(httpContext(FiltersLikeController, prototype.create, '/v1/admin/campaigns/:campaignId/filters'), {
      id: 'flt_1',
    });
    expect(record).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'filters.create', target: { type: 'filters', id: 'flt_1' } }),
    );
  });

  it('skips a POST whose handler is marked @NotAudited, and answers it unchanged', async () => {
    const { prototype } = FiltersLikeController;
    const context = httpContext(
      FiltersLikeController,
      prototype.preview,
      '/v1/admin/campaigns/:campaignId/filters/preview',
    );
    await expect(call(context, { matching: 3 })).resolves.toEqual({ matching: 3 });
    expect(record).not.toHaveBeenCalled();
  });

  it('skips every route of a controller marked @NotAudited', async () => {
    const context = httpContext(ReadsOnlyController, ReadsOnlyController.prototype.search, '/v1/admin/search');
    await call(context, []);
    expect(record).not.toHaveBeenCalled();
  });
});
