import net from 'node:net';

/** Client to server is upstream (requests), server to client downstream (responses). */
export type Direction = 'upstream' | 'downstream';

/** Cut a connection once this many more bytes have gone through it in this direction. */
export interface CutPlan {
  direction: Direction;
  bytes: number;
  /**
   * Count only from the first request on the connection that matches (from the bytes after the
   * chunk that carried its head), e.g. to cut the answer to a pull that carries a checkpoint.
   */
  from?: (request: SeenRequest) => boolean;
}

/** Gives each connection its own plan (a seeded random one, say), or none to leave it alone. */
export type CutPlanner = (connection: number) => CutPlan | undefined;

/** One HTTP request seen going upstream: method and path with its query. */
export interface SeenRequest {
  connection: number;
  method: string;
  path: string;
  /** Its headers, names in lower case. */
  headers: Readonly<Record<string, string>>;
}

/** Where a cut fell, read from the HTTP/1.1 framing of the bytes that got through before it. */
export interface CutRecord {
  connection: number;
  direction: Direction;
  /**
   * The request whose bytes (upstream) or whose response (downstream) the cut fell in or after; for a
   * cut inside a request's head, what its request line says (headers empty), if it arrived whole.
   */
  request: SeenRequest | undefined;
  /**
   * Where the message in the cut direction stood: `idle` between messages, `head` in the request or
   * status line and headers, `body` after the head and before the body's declared end.
   */
  phase: 'idle' | 'head' | 'body';
  /** Body bytes that got through before the cut, and the declared length (undefined: until close). */
  bodyBytes: number;
  bodyLength: number | undefined;
  /** The response's status code, when a downstream cut fell after the status line. */
  status: number | undefined;
}

/**
 * Follows the framing of one direction of an HTTP/1.1 connection: heads up to the blank line, then a
 * body of `content-length` bytes. A response with neither a length nor an empty status (the event
 * stream) is taken to last until the connection closes; requests here never use chunked bodies.
 */
class MessageFraming {
  phase: 'idle' | 'head' | 'body' = 'idle';
  bodyBytes = 0;
  bodyLength: number | undefined = 0;
  private head = '';

  /** The head received so far while `phase` is `head`. */
  get partialHead(): string {
    return this.head;
  }

  constructor(
    private readonly kind: 'request' | 'response',
    private readonly onHead: (startLine: string, headers: ReadonlyMap<string, string>) => void,
    private readonly onEnd: () => void,
  ) {}

  feed(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.phase !== 'body') {
        if (this.phase === 'idle') {
          this.phase = 'head';
          this.bodyBytes = 0;
          this.bodyLength = undefined;
        }
        // latin1 keeps one character per byte, so string offsets are byte offsets.
        const before = this.head.length;
        const text = this.head + chunk.toString('latin1', offset);
        const end = text.indexOf('\r\n\r\n');
        if (end < 0) {
          this.head = text;
          return;
        }
        offset += end + 4 - before;
        this.head = '';
        const [startLine, ...fields] = text.slice(0, end).split('\r\n');
        const headers = new Map(fields.map((field) => [field.slice(0, field.indexOf(':')).trim().toLowerCase(), field.slice(field.indexOf(':') + 1).trim()]));
        this.bodyBytes = 0;
        this.bodyLength = this.declaredLength(startLine, headers);
        this.onHead(startLine, headers);
        if (this.bodyLength === 0) this.finish();
        else this.phase = 'body';
        continue;
      }
      const available = chunk.length - offset;
      const take = this.bodyLength === undefined ? available : Math.min(available, this.bodyLength - this.bodyBytes);
      this.bodyBytes += take;
      offset += take;
      if (this.bodyBytes === this.bodyLength) this.finish();
    }
  }

  private declaredLength(startLine: string, headers: ReadonlyMap<string, string>): number | undefined {
    const length = headers.get('content-length');
    if (length !== undefined) return Number(length);
    if (this.kind === 'request') return 0;
    const status = Number(startLine.split(' ')[1]);
    return status === 204 || status === 304 || (status >= 100 && status < 200) ? 0 : undefined;
  }

  private finish(): void {
    this.phase = 'idle';
    this.onEnd();
  }
}

/** The method and path of a request head cut short, once its request line has arrived in full. */
function requestLineOf(connection: number, head: string): SeenRequest | undefined {
  const match = /^(\S+) (\S+) HTTP\/1\.[01]\r\n/.exec(head);
  return match ? { connection, method: match[1], path: match[2], headers: {} } : undefined;
}

/** The status code of a response head, once its status line has arrived in full. */
function statusOf(head: string): number | undefined {
  const match = /^HTTP\/1\.[01] (\d{3}) /.exec(head);
  return match ? Number(match[1]) : undefined;
}

interface Connection {
  id: number;
  client: net.Socket;
  server: net.Socket;
  /** Bytes left before the planned cut, per direction. */
  budget: Partial<Record<Direction, number>>;
  /** A plan waiting for its first matching request. */
  waiting: CutPlan | undefined;
  cut: boolean;
  requests: MessageFraming;
  responses: MessageFraming;
  /** Requests sent whose response has not yet come back in full, oldest first. */
  awaiting: SeenRequest[];
  /** The latest request seen, for a cut between messages. */
  lastRequest: SeenRequest | undefined;
  status: number | undefined;
}

/**
 * A TCP proxy on 127.0.0.1 in front of the sync server that can break the link the way networks do:
 * cut connections after a number of bytes in either direction (mid-upload of a push body, mid-download
 * of a response), sever every open connection at once, or refuse new ones (the link is down). It reads
 * the HTTP framing only to record where each cut fell; the bytes it forwards are never changed.
 */
export class TcpProxy {
  /** Connections accepted (refused ones included). */
  connections = 0;
  /** Connections closed on arrival while the link was down. */
  refused = 0;
  /** Open connections destroyed by `cutAll` or `goOffline`. */
  severed = 0;
  /** Bytes forwarded in each direction. */
  readonly bytes: Record<Direction, number> = { upstream: 0, downstream: 0 };
  readonly cuts: CutRecord[] = [];
  readonly requests: SeenRequest[] = [];
  private readonly open = new Set<Connection>();
  private planner: CutPlanner | undefined;
  private offline = false;

  private constructor(
    private readonly listener: net.Server,
    readonly port: number,
  ) {}

  /** Listens on a free port of 127.0.0.1 and forwards every connection to `target`. */
  static async start(target: { host?: string; port: number }): Promise<TcpProxy> {
    const listener = net.createServer();
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(0, '127.0.0.1', () => resolve());
    });
    const address = listener.address();
    const proxy = new TcpProxy(listener, typeof address === 'object' && address ? address.port : 0);
    listener.on('connection', (client) => proxy.accept(client, target.host ?? '127.0.0.1', target.port));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * From now on, cuts every connection once it has carried `plan.bytes` more bytes in `plan.direction`:
   * open connections count from now, new ones from their first byte. A function plans each connection
   * on its own. Replaces any earlier plan; `stopCutting` ends it.
   */
  cutAfterBytes(plan: CutPlan | CutPlanner): void {
    this.planner = typeof plan === 'function' ? plan : () => plan;
    for (const connection of this.open) this.arm(connection);
  }

  stopCutting(): void {
    this.planner = undefined;
    for (const connection of this.open) {
      connection.budget = {};
      connection.waiting = undefined;
    }
  }

  /** Destroys every open connection now, in whatever state it is. */
  cutAll(): void {
    for (const connection of [...this.open]) {
      this.severed++;
      this.drop(connection);
    }
  }

  /** The link goes down: open connections are severed and new ones closed on arrival. */
  goOffline(): void {
    this.offline = true;
    this.cutAll();
  }

  goOnline(): void {
    this.offline = false;
  }

  /** Cuts in one direction, optionally only those that fell in a given phase. */
  cutsIn(direction: Direction, phase?: CutRecord['phase']): CutRecord[] {
    return this.cuts.filter((cut) => cut.direction === direction && (phase === undefined || cut.phase === phase));
  }

  async close(): Promise<void> {
    this.planner = undefined;
    for (const connection of [...this.open]) this.drop(connection);
    await new Promise<void>((resolve) => this.listener.close(() => resolve()));
  }

  private accept(client: net.Socket, host: string, port: number): void {
    const id = ++this.connections;
    if (this.offline) {
      this.refused++;
      client.destroy();
      return;
    }
    const server = net.connect({ host, port });
    const connection: Connection = {
      id,
      client,
      server,
      budget: {},
      waiting: undefined,
      cut: false,
      awaiting: [],
      lastRequest: undefined,
      status: undefined,
      requests: new MessageFraming(
        'request',
        (startLine, headers) => {
          const [method = '', path = ''] = startLine.split(' ');
          const request = { connection: id, method, path, headers: Object.fromEntries(headers) };
          this.requests.push(request);
          connection.awaiting.push(request);
          connection.lastRequest = request;
          if (connection.waiting?.from?.(request)) this.start(connection, connection.waiting);
        },
        () => undefined,
      ),
      responses: new MessageFraming(
        'response',
        (startLine) => (connection.status = Number(startLine.split(' ')[1])),
        () => {
          connection.awaiting.shift();
          connection.status = undefined;
        },
      ),
    };
    this.open.add(connection);
    this.arm(connection);
    client.on('data', (chunk: Buffer) => this.forward(connection, 'upstream', chunk));
    server.on('data', (chunk: Buffer) => this.forward(connection, 'downstream', chunk));
    // Either side closing or failing takes the other down with it, as a broken link would.
    for (const socket of [client, server]) {
      socket.on('error', () => this.drop(connection));
      socket.on('close', () => this.drop(connection));
    }
  }

  private arm(connection: Connection): void {
    const plan = this.planner?.(connection.id);
    connection.budget = {};
    connection.waiting = plan?.from ? plan : undefined;
    if (plan && !plan.from) this.start(connection, plan);
  }

  private start(connection: Connection, plan: CutPlan): void {
    connection.waiting = undefined;
    connection.budget = { [plan.direction]: Math.max(0, plan.bytes) };
  }

  private forward(connection: Connection, direction: Direction, chunk: Buffer): void {
    if (connection.cut) return;
    const [source, target, framing] =
      direction === 'upstream' ? [connection.client, connection.server, connection.requests] : [connection.server, connection.client, connection.responses];
    const budget = connection.budget[direction];
    if (budget !== undefined && chunk.length >= budget) {
      // Let exactly `budget` bytes through, then break both sides once they have left this process.
      const through = chunk.subarray(0, budget);
      framing.feed(through);
      this.bytes[direction] += through.length;
      this.record(connection, direction);
      connection.cut = true;
      source.pause();
      if (through.length === 0 || target.destroyed) this.drop(connection);
      else target.write(through, () => this.drop(connection));
      return;
    }
    if (budget !== undefined) connection.budget[direction] = budget - chunk.length;
    framing.feed(chunk);
    this.bytes[direction] += chunk.length;
    if (!target.write(chunk)) {
      source.pause();
      target.once('drain', () => source.resume());
    }
  }

  private record(connection: Connection, direction: Direction): void {
    const framing = direction === 'upstream' ? connection.requests : connection.responses;
    const request =
      direction === 'downstream'
        ? (connection.awaiting[0] ?? connection.lastRequest)
        : framing.phase === 'head'
          ? requestLineOf(connection.id, framing.partialHead)
          : connection.lastRequest;
    this.cuts.push({
      connection: connection.id,
      direction,
      request,
      phase: framing.phase,
      bodyBytes: framing.bodyBytes,
      bodyLength: framing.bodyLength,
      status: direction === 'downstream' ? (connection.status ?? statusOf(framing.partialHead)) : undefined,
    });
  }

  private drop(connection: Connection): void {
    if (!this.open.delete(connection)) return;
    connection.cut = true;
    connection.client.destroy();
    connection.server.destroy();
  }
}
