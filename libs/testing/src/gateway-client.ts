/** A small client for calls through the gateway with a Bearer token: JSON in, parsed JSON (or text) out. */
export function gatewayClient(baseUrl: string, token?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return {
      status: response.status,
      headers: response.headers,
      body: json as Record<string, unknown> & { data?: unknown[] },
    };
  };
}

export type GatewayClient = ReturnType<typeof gatewayClient>;

/** The body of an answer that must have this status; anything else throws with what came back. */
export function expectStatus(
  answer: { status: number; body: Record<string, unknown> },
  status: number,
  what: string,
): Record<string, unknown> {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
