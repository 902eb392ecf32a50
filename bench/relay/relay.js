// Comparison relay for `bash bench/run.sh --perf`: what jsmpeg's websocket-relay.js does, written here with
// the `ws` package (no npm package carries that script). An encoder POSTs MPEG-TS to http://127.0.0.1:IN/SECRET;
// every chunk it sends is forwarded as one binary WebSocket message to every open client on ws://127.0.0.1:OUT/.
// No per-frame cutting, no queue per client, no header: "just forward the bytes".
//   node relay.js SECRET IN_PORT OUT_PORT
'use strict';
const http = require('http');
const WebSocket = require('ws');

const [secret, inPort, outPort] = process.argv.slice(2);
if (!secret || !inPort || !outPort) {
  console.error('usage: node relay.js SECRET IN_PORT OUT_PORT');
  process.exit(2);
}

const clients = new WebSocket.Server({ host: '127.0.0.1', port: Number(outPort), perMessageDeflate: false });

function broadcast(chunk) {
  for (const client of clients.clients) {
    if (client.readyState === WebSocket.OPEN) {
      client.send(chunk);
    }
  }
}

const input = http.createServer((request, response) => {
  if (request.url.slice(1).split('/')[0] !== secret) {
    response.statusCode = 403;
    response.end();
    return;
  }
  response.connection.setTimeout(0);
  request.on('data', broadcast);
  request.on('end', () => response.end());
});

input.listen(Number(inPort), '127.0.0.1', () => console.log(`relay: POST to http://127.0.0.1:${inPort}/${secret}, viewers on ws://127.0.0.1:${outPort}/`));
