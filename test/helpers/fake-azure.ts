import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

/** One answer of the fake Azure. A list body (`{ value: [...] }`) is paged by `pageSize`, with ARM's nextLink. */
export interface FakeAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Hold the answer back this long, in milliseconds. */
  delayMs?: number;
  /** Close the connection instead of answering (a connection reset). */
  reset?: boolean;
  /** Send this text as the body, as it is (a malformed answer). */
  rawBody?: string;
}

/** The answers for one ARM path (matched without case, as ARM does, and without the query); they are given in turn, the last one for good. */
export interface FakeRoute {
  path: string;
  answers: FakeAnswer[];
  /** Items per page of this path's list answers, the rest by nextLink (else the server's `pageSize`). */
  pageSize?: number;
  /** The property a list page names the next one by: ARM's `nextLink` unless said (the Batch data plane's is `odata.nextLink`). */
  nextLinkKey?: string;
}

/** Stands for the fake's own host and port in an answer (an account's `accountEndpoint`), which are known only once it listens. */
export const FAKE_AZURE_HOST = '{{fake-azure-host}}';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

export interface FakeAzure {
  /** The ARM endpoint to give the SDK clients. */
  endpoint: string;
  /** The PEM certificate of the server, to trust. */
  ca: string;
  requests: SeenRequest[];
  /** The most requests that were being answered at one time. */
  maxInFlight: number;
  /** Requests seen for a path (case-insensitive), paging requests included. */
  requestsFor(path: string): SeenRequest[];
  close(): Promise<void>;
}

/** Answers computed from the request, for a family of paths (as ARM answers a lock list at any scope). */
export interface FakePattern {
  pattern: RegExp;
  answer: (url: URL) => FakeAnswer;
}

export interface FakeAzureOptions {
  /** Items per page of a list answer; the rest follows by nextLink. */
  pageSize?: number;
  /** Tried, in order, for a path that has no route. */
  patterns?: FakePattern[];
  /** Hold every answer back at least this long, in milliseconds, so that requests overlap as they would over a network. */
  latencyMs?: number;
  /** The answer to the first request for each path, whatever its route says (a throttling storm, a burst of 500s). */
  firstTry?: FakeAnswer;
}

const SKIP_TOKEN = '$skiptoken';

/**
 * A local HTTPS server that answers as Azure Resource Manager would, from routes: the real SDK clients are
 * pointed at it (endpoint, CA, a static token) so their request, paging, retry and error paths are the real ones.
 * A path with neither a route nor a pattern gets ARM's 404 body.
 */
export async function startFakeAzure(routes: FakeRoute[], options: FakeAzureOptions = {}): Promise<FakeAzure> {
  const pem = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const byPath = new Map(routes.map((route) => [route.path.toLowerCase(), { ...route, given: 0 }]));
  const requests: SeenRequest[] = [];
  const tried = new Set<string>();
  let inFlight = 0;
  const fake = { maxInFlight: 0 };

  const server: Server = createServer({ key: pem.private, cert: pem.cert }, (request, response) => {
    inFlight++;
    fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    requests.push({ method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, authorization: request.headers.authorization });
    const route = byPath.get(url.pathname.toLowerCase());
    const firstTime = !tried.has(url.pathname.toLowerCase());
    tried.add(url.pathname.toLowerCase());
    const answer =
      firstTime && options.firstTry ? options.firstTry : route ? route.answers[Math.min(route.given++, route.answers.length - 1)]! : answerByPattern(url, options.patterns ?? []);
    const delay = Math.max(answer.delayMs ?? 0, options.latencyMs ?? 0);
    const respond = () => {
      inFlight--;
      if (answer.reset) return request.socket.destroy();
      const body = paged(answer.body, url, endpointOf(server), route?.pageSize ?? options.pageSize, route?.nextLinkKey ?? 'nextLink');
      response.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': String(requests.length), ...answer.headers });
      const text = answer.rawBody ?? (body === undefined ? undefined : JSON.stringify(body).replaceAll(FAKE_AZURE_HOST, new URL(endpointOf(server)).host));
      response.end(text);
    };
    if (delay > 0) setTimeout(respond, delay).unref();
    else respond();
  });
  // A client that gave up (a timeout) closes its socket while the answer is held back; that is no error here.
  server.on('clientError', () => {});
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));

  return {
    endpoint: endpointOf(server),
    ca: pem.cert,
    requests,
    get maxInFlight() {
      return fake.maxInFlight;
    },
    requestsFor: (path) => requests.filter((seen) => seen.path.toLowerCase() === path.toLowerCase()),
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

function endpointOf(server: Server): string {
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function answerByPattern(url: URL, patterns: FakePattern[]): FakeAnswer {
  const matching = patterns.find(({ pattern }) => pattern.test(url.pathname));
  return matching ? matching.answer(url) : { status: 404, body: { error: { code: 'ResourceNotFound', message: `The resource '${url.pathname}' was not found.` } } };
}

/** The page a list request asks for, with a link to the following one as ARM writes it (absolute, with a skip token). */
function paged(body: unknown, url: URL, endpoint: string, pageSize: number | undefined, nextLinkKey: string): unknown {
  const items = (body as { value?: unknown })?.value;
  if (!pageSize || !Array.isArray(items) || items.length <= pageSize) return body;
  const start = Number(url.searchParams.get(SKIP_TOKEN) ?? 0);
  const page: Record<string, unknown> = { ...(body as object), value: items.slice(start, start + pageSize) };
  if (start + pageSize < items.length) {
    const next = new URL(url.pathname, endpoint);
    url.searchParams.forEach((value, key) => key !== SKIP_TOKEN && next.searchParams.set(key, value));
    next.searchParams.set(SKIP_TOKEN, String(start + pageSize));
    page[nextLinkKey] = next.href;
  }
  return page;
}
