// @ts-check
// A hand-written Kafka Metadata (v0) request. A broker that answers it with itself in the broker
// list has finished KRaft start-up (request handling is only enabled once the broker is unfenced),
// which a bare TCP connect cannot tell us. No npm dependency, for the same reason as mongo-wire.
import net from 'node:net';

const METADATA = 3;

/** Resolves with [{ nodeId, host, port }] as the broker advertises its cluster. */
export function kafkaBrokers(host, port, { timeoutMs = 3000 } = {}) {
  const clientId = Buffer.from('leadgate-infra');
  const req = Buffer.alloc(4 + 2 + 2 + 4 + 2 + clientId.length + 4);
  let o = 4;
  o = req.writeInt16BE(METADATA, o);
  o = req.writeInt16BE(0, o); // api version 0
  o = req.writeInt32BE(1, o); // correlation id
  o = req.writeInt16BE(clientId.length, o);
  o += clientId.copy(req, o);
  req.writeInt32BE(0, o); // v0: an empty topic list means "all topics"
  req.writeInt32BE(req.length - 4, 0);

  return new Promise((resolveBrokers, reject) => {
    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    const fail = (err) => {
      socket.destroy();
      reject(err);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`kafka-wire: no reply from ${host}:${port} in ${timeoutMs} ms`)));
    socket.once('error', fail);
    socket.once('connect', () => socket.write(req));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      socket.destroy();
      try {
        let i = 8; // size + correlation id
        const count = received.readInt32BE(i);
        i += 4;
        const brokers = [];
        for (let b = 0; b < count; b++) {
          const nodeId = received.readInt32BE(i);
          const hostLen = received.readInt16BE(i + 4);
          const brokerHost = received.toString('utf8', i + 6, i + 6 + hostLen);
          i += 6 + hostLen;
          brokers.push({ nodeId, host: brokerHost, port: received.readInt32BE(i) });
          i += 4;
        }
        resolveBrokers(brokers);
      } catch (err) {
        reject(err);
      }
    });
  });
}
