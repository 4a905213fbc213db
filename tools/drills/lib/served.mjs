// @ts-check
// How many HTTP requests a service process has answered, from its Prometheus histogram (management listener).

/**
 * @param {{ managementUrl: string }} service
 * @returns {Promise<number | null>} null when the listener did not answer
 */
export async function requestsServed(service) {
  try {
    const text = await (await fetch(`${service.managementUrl}/metrics`)).text();
    return text
      .split('\n')
      .filter(
        (line) =>
          line.startsWith('http_server_request_duration_seconds_count') &&
          !line.includes('/health') &&
          !line.includes('/metrics'),
      )
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
  } catch {
    return null;
  }
}
