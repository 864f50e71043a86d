import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How {@link GracefulShutdown} stops. */
export interface ShutdownOptions {
  /**
   * How long a connection that is idle (or goes idle) may still bring a request, in ms: a request a keep-alive
   * client sent just as the server began stopping is answered, not reset.
   */
  graceMs: number;
  /** When connections still open are destroyed (a client that stopped reading, half a request), in ms. */
  deadlineMs: number;
}

/**
 * An open connection as shutting down needs it: the answers it owes, in the order they go out (pipelined
 * requests can queue several; the first is the one being sent), and how many bytes it had read when it last
 * owed none (more since then: a request has begun to come in).
 */
interface OpenConnection {
  answers: ServerResponse[];
  quietAt: number;
}

/** What stopping found: how many connections were still open at the deadline, and destroyed. */
export interface ShutdownResult {
  destroyed: number;
}

/** Stops an HTTP server gracefully; called again, it returns the same promise. */
export type GracefulShutdown = (options: ShutdownOptions) => Promise<ShutdownResult>;

/**
 * Prepares `server` to stop without cutting an answer, and returns the function that stops it:
 * - the port closes at once (new connections are refused, so a load balancer moves on);
 * - every answer not yet begun says `Connection: close`, and its connection closes once it is sent;
 *   answers under way (their head already sent) finish whole, and their connection closes `graceMs` after;
 * - idle keep-alive connections close after `graceMs` (a request already on its way is answered first);
 * - at `deadlineMs`, connections still open are destroyed, so that a client that stalls (stops reading, or
 *   sends half a request) cannot keep the process alive. It resolves once every connection is closed.
 *
 * Node's own `server.close()` is not used: it closes "idle" connections at once, and to it a connection
 * whose answer is written but not yet sent (a large answer to a slow reader) is idle: that answer is cut,
 * and a request a client sent at that moment is reset. Here a connection is idle when its answers have been
 * sent and nothing came in since.
 */
export function gracefulShutdown(server: Server): GracefulShutdown {
  let stopping = false;
  /** Every open connection: its answers not yet sent, and its bytes read when it last had none to send. */
  const connections = new Map<Socket, OpenConnection>();
  server.on('connection', (socket: Socket) => {
    connections.set(socket, { answers: [], quietAt: 0 });
    socket.once('close', () => connections.delete(socket));
  });
  // One listener for every answer (no closure per request): its connection is its request's socket.
  function answerClosed(this: ServerResponse) {
    const connection = connections.get(this.req.socket);
    if (!connection) return;
    const { answers } = connection;
    // the one answer a connection owes (as nearly always: pipelining is rare) goes without a search
    if (answers.length === 1 && answers[0] === this) answers.pop();
    else {
      const at = answers.indexOf(this);
      if (at >= 0) answers.splice(at, 1);
    }
    if (answers.length === 0) connection.quietAt = this.req.socket.bytesRead;
  }
  // Before the server's own handler, which may answer at once.
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    connections.get(request.socket)?.answers.push(response);
    if (stopping) response.setHeader('connection', 'close');
    response.on('close', answerClosed);
  });
  const isIdle = (socket: Socket) => {
    const connection = connections.get(socket);
    return (
      connection !== undefined && connection.answers.length === 0 && socket.bytesRead === connection.quietAt
    );
  };

  let stopped: Promise<ShutdownResult> | undefined;
  return ({ graceMs, deadlineMs }) =>
    (stopped ??= new Promise((resolve) => {
      stopping = true;
      for (const { answers } of connections.values()) {
        for (const response of answers) if (!response.headersSent) response.setHeader('connection', 'close');
      }
      // A keep-alive answer sent from now on leaves its connection open for graceMs at most (Node's own
      // keep-alive timeout, which a request that begins to come in stops).
      server.keepAliveTimeout = graceMs;
      let destroyed = 0;
      const idle = setTimeout(() => {
        for (const socket of connections.keys()) if (isIdle(socket)) socket.destroy();
      }, graceMs);
      const deadline = setTimeout(() => {
        destroyed = connections.size;
        for (const socket of connections.keys()) socket.destroy();
      }, deadlineMs);
      // Stops listening; calls back once the last connection has closed.
      NetServer.prototype.close.call(server, () => {
        clearTimeout(idle);
        clearTimeout(deadline);
        resolve({ destroyed });
      });
    }));
}
