// @ts-check
// A throwaway certificate authority for a test broker: a CA, a server certificate for 127.0.0.1 and
// a client certificate (mutual TLS), made with openssl in well under a second (P-256 keys). Never for
// production: the keys are unencrypted files in a temp directory.
import fs from 'node:fs';
import { join } from 'node:path';
import { runOrThrow } from './proc.mjs';

const DAYS = '2';
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/**
 * Writes ca.pem, server.pem (server key + certificate: Kafka's PEM key store), client.pem and
 * client.key into `dir`.
 * @param {string} dir
 * @param {{ serverName: string; clientName: string }} names the certificates' common names
 * @returns {Promise<{ caFile: string; serverKeyStore: string; clientCertFile: string; clientKeyFile: string }>}
 */
export async function makeTestCertificates(dir, { serverName, clientName }) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const at = (name) => join(dir, name);
  await runOrThrow('openssl CA', 'openssl', [
    'req', '-x509', ...EC, '-days', DAYS, '-subj', '/CN=leadgate-test-ca',
    '-keyout', at('ca.key'), '-out', at('ca.pem'),
  ]); // prettier-ignore
  /** @param {string} name @param {string} cn @param {string} extensions */
  const issue = async (name, cn, extensions) => {
    await runOrThrow(`openssl ${name} key`, 'openssl', [
      'req', ...EC, '-subj', `/CN=${cn}`, '-keyout', at(`${name}.key`), '-out', at(`${name}.csr`),
    ]); // prettier-ignore
    fs.writeFileSync(at(`${name}.ext`), extensions);
    await runOrThrow(`openssl ${name} certificate`, 'openssl', [
      'x509', '-req', '-in', at(`${name}.csr`), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial',
      '-days', DAYS, '-extfile', at(`${name}.ext`), '-out', at(`${name}.crt`),
    ]); // prettier-ignore
  };
  // The broker's certificate serves its listeners and, as a client, its own inter-broker and
  // controller connections (mutual TLS there too): both key usages.
  await issue(
    'server',
    serverName,
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n',
  );
  await issue('client', clientName, 'extendedKeyUsage=clientAuth\n');
  // Kafka's PEM key store: the PKCS#8 key and its certificate in one file.
  fs.writeFileSync(
    at('server.pem'),
    fs.readFileSync(at('server.key'), 'utf8') + fs.readFileSync(at('server.crt'), 'utf8'),
  );
  fs.renameSync(at('client.crt'), at('client.pem'));
  for (const name of [
    'ca.key',
    'ca.srl',
    'server.csr',
    'server.ext',
    'client.csr',
    'client.ext',
    'server.key',
    'server.crt',
  ]) {
    fs.rmSync(at(name), { force: true });
  }
  return {
    caFile: at('ca.pem'),
    serverKeyStore: at('server.pem'),
    clientCertFile: at('client.pem'),
    clientKeyFile: at('client.key'),
  };
}
