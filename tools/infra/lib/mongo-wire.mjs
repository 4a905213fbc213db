// @ts-check
// A hand-written MongoDB OP_MSG round trip, so readiness and `status` need no npm package (the
// infra must come up before `npm install` finishes, and on machines where it never ran).
// Only the BSON types a handshake answer can contain are handled.
import net from 'node:net';

const OP_MSG = 2013;

function encodeDoc(doc) {
  const parts = [];
  for (const [key, value] of Object.entries(doc)) {
    const name = Buffer.from(`${key}\0`);
    if (typeof value === 'string') {
      const str = Buffer.from(`${value}\0`);
      const len = Buffer.alloc(4);
      len.writeInt32LE(str.length);
      parts.push(Buffer.from([0x02]), name, len, str);
    } else if (typeof value === 'boolean') {
      parts.push(Buffer.from([0x08]), name, Buffer.from([value ? 1 : 0]));
    } else if (Number.isInteger(value)) {
      const v = Buffer.alloc(4);
      v.writeInt32LE(value);
      parts.push(Buffer.from([0x10]), name, v);
    } else if (value && typeof value === 'object') {
      parts.push(Buffer.from([Array.isArray(value) ? 0x04 : 0x03]), name, encodeDoc(value));
    } else {
      throw new Error(`mongo-wire: cannot encode ${key}=${value}`);
    }
  }
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(4);
  head.writeInt32LE(body.length + 5);
  return Buffer.concat([head, body, Buffer.from([0])]);
}

function decodeDoc(buf, start, asArray = false) {
  const end = start + buf.readInt32LE(start);
  const out = asArray ? [] : {};
  let i = start + 4;
  while (i < end - 1) {
    const type = buf[i++];
    const nameEnd = buf.indexOf(0, i);
    const key = buf.toString('utf8', i, nameEnd);
    i = nameEnd + 1;
    let value;
    switch (type) {
      case 0x01:
        value = buf.readDoubleLE(i);
        i += 8;
        break;
      case 0x02: {
        const n = buf.readInt32LE(i);
        value = buf.toString('utf8', i + 4, i + 4 + n - 1);
        i += 4 + n;
        break;
      }
      case 0x03:
      case 0x04:
        value = decodeDoc(buf, i, type === 0x04);
        i += buf.readInt32LE(i);
        break;
      case 0x05: {
        const n = buf.readInt32LE(i);
        value = buf.subarray(i + 5, i + 5 + n);
        i += 5 + n;
        break;
      }
      case 0x07:
        value = buf.toString('hex', i, i + 12);
        i += 12;
        break;
      case 0x08:
        value = buf[i] === 1;
        i += 1;
        break;
      case 0x09:
        value = new Date(Number(buf.readBigInt64LE(i)));
        i += 8;
        break;
      case 0x0a:
        value = null;
        break;
      case 0x10:
        value = buf.readInt32LE(i);
        i += 4;
        break;
      case 0x11:
      case 0x12:
        value = Number(buf.readBigInt64LE(i));
        i += 8;
        break;
      case 0x13:
        value = buf.subarray(i, i + 16);
        i += 16;
        break;
      default:
        throw new Error(`mongo-wire: unsupported BSON type 0x${type.toString(16)} at "${key}"`);
    }
    if (asArray) out.push(value);
    else out[key] = value;
  }
  return out;
}

let nextRequestId = 1;

/** Send one command to `db` and resolve with the reply document; rejects when ok != 1. */
export function mongoCommand(host, port, command, { db = 'admin', timeoutMs = 3000 } = {}) {
  const body = encodeDoc({ ...command, $db: db });
  const header = Buffer.alloc(21);
  header.writeInt32LE(21 + body.length, 0);
  header.writeInt32LE(nextRequestId++, 4);
  header.writeInt32LE(0, 8);
  header.writeInt32LE(OP_MSG, 12);
  header.writeUInt32LE(0, 16); // flagBits
  header[20] = 0; // section kind 0: the command body

  return new Promise((resolveReply, reject) => {
    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    const fail = (err) => {
      socket.destroy();
      reject(err);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`mongo-wire: no reply from ${host}:${port} in ${timeoutMs} ms`)));
    socket.once('error', fail);
    socket.once('connect', () => socket.write(Buffer.concat([header, body])));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4 || received.length < received.readInt32LE(0)) return;
      socket.destroy();
      try {
        if (received.readInt32LE(12) !== OP_MSG || received[20] !== 0) throw new Error('mongo-wire: unexpected reply');
        const reply = decodeDoc(received, 21);
        if (reply.ok !== 1)
          throw new Error(`mongo-wire: ${Object.keys(command)[0]} failed: ${reply.errmsg ?? JSON.stringify(reply)}`);
        resolveReply(reply);
      } catch (err) {
        reject(err);
      }
    });
  });
}
