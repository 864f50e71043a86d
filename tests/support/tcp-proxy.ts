import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A TCP proxy on loopback in front of a real server, whose link a test can cut and restore. */
export interface TcpProxy {
  port: number;
  /** Drops every connection through it and refuses new ones (they are closed at once), like a lost link. */
  cut: () => void;
  /** Lets connections through again. */
  restore: () => void;
  /**
   * Stops forwarding, both ways, without closing anything (new connections are accepted and then hang): a
   * link that swallows its packets, as a firewall that drops them or a peer that froze.
   */
  pause: () => void;
  /** Forwards again: what was held, and what comes. */
  resume: () => void;
  close: () => Promise<void>;
}

/** Starts a {@link TcpProxy} on 127.0.0.1 (a free port) to `host:port`. */
export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  let open = true;
  let paused = false;
  const link = ([client, upstream]: [Socket, Socket]) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  const server = createServer((client) => {
    if (!open) return void client.destroy();
    const upstream = connect(port, host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    if (!paused) link(pair);
    client.on('close', () => {
      pairs.delete(pair);
      upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut: () => {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    restore: () => {
      open = true;
    },
    pause: () => {
      paused = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream).pause();
        upstream.unpipe(client).pause();
      }
    },
    resume: () => {
      paused = false;
      for (const pair of pairs) link(pair);
    },
    close: async () => {
      open = false;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
