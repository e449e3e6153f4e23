import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { StreamMessage } from '../../../shared/src/index.js';

/** A comment line this often keeps proxies and the browser from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/** The group of a till's streams: pairing it again or revoking it ends them. */
export function tillStreams(tillId: string): string {
  return `till:${tillId}`;
}

/**
 * The server-sent event streams open on this server: tills' and office pages'. Each belongs to a
 * group with a most it may hold at once (a newer stream closes the oldest, so no one holds the
 * server's sockets), a group can be ended at once, and every stream ends when the server closes.
 */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();
  private readonly groups = new Map<string, Set<ServerResponse>>();

  /**
   * Opens a stream on a hijacked reply, in `group` of at most `most` streams; returns a function that
   * sends one message. `allowOrigin`: whether a page of another origin may read it (a till's page
   * may be served from elsewhere; the office page is served by this server).
   */
  start(request: FastifyRequest, reply: FastifyReply, options: { group: string; most: number; allowOrigin: boolean }): (message: StreamMessage) => void {
    const members = this.groups.get(options.group) ?? new Set<ServerResponse>();
    this.groups.set(options.group, members);
    // A Set iterates in the order streams were opened: the first is the oldest.
    for (const oldest of [...members].slice(0, Math.max(0, members.size - options.most + 1))) {
      members.delete(oldest);
      oldest.destroy();
    }
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      ...(options.allowOrigin ? { 'access-control-allow-origin': typeof request.headers.origin === 'string' ? request.headers.origin : '*' } : {}),
    });
    // Browsers reconnect after this many milliseconds when the stream drops.
    raw.write('retry: 2000\n\n');
    this.open.add(raw);
    members.add(raw);
    const heartbeat = setInterval(() => raw.write(': keepalive\n\n'), HEARTBEAT_MS);
    raw.on('close', () => {
      clearInterval(heartbeat);
      this.open.delete(raw);
      members.delete(raw);
    });
    return (message) => {
      if (!raw.writableEnded) raw.write(`data: ${JSON.stringify(message)}\n\n`);
    };
  }

  /** Ends every stream of a group now (a till paired again or revoked). */
  end(group: string): void {
    for (const stream of this.groups.get(group) ?? []) stream.destroy();
  }

  /** Ends every stream, as the server closes. */
  endAll(): void {
    for (const stream of this.open) stream.end();
  }
}
