import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, describeFailure, getJson, post, put, remove, setCsrfToken, waitText } from '../js/api.js';

// api.js runs in the page; here a stand-in document gives the base URL and a stand-in fetch
// records what would have been sent
let sent;
let answer;
globalThis.document = { baseURI: 'http://service.example/airzone/' };
globalThis.fetch = async (url, init) => {
  sent = { url: String(url), ...init };
  if (answer instanceof Error) throw answer;
  return answer;
};

function reply(status, body, headers = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
}

beforeEach(() => {
  sent = null;
  answer = reply(200, { ok: true }, { ETag: '"v7"' });
  setCsrfToken(null);
});

test('paths resolve against the page, so a sub-path behind a proxy still works', async () => {
  await getJson('api/rules');
  assert.equal(sent.url, 'http://service.example/airzone/api/rules');
  assert.equal(sent.method, 'GET');
});

test('writes carry the CSRF token of a cookie session; reads do not', async () => {
  setCsrfToken('t0k');
  await getJson('api/session');
  assert.equal(sent.headers['X-CSRF-Token'], undefined);
  await post('api/logout');
  assert.equal(sent.headers['X-CSRF-Token'], 't0k');
  setCsrfToken(null);
  await post('api/logout');
  assert.equal(sent.headers['X-CSRF-Token'], undefined);
});

test('a body goes as JSON, If-Match carries the ETag, and the answer\'s ETag comes back', async () => {
  const result = await put('ogc/collections/ban-zones/items/3', { type: 'Feature' }, { ifMatch: '"v6"' });
  assert.equal(sent.method, 'PUT');
  assert.equal(sent.headers['Content-Type'], 'application/json');
  assert.equal(sent.headers['If-Match'], '"v6"');
  assert.equal(sent.body, '{"type":"Feature"}');
  assert.deepEqual(result, { status: 200, body: { ok: true }, etag: '"v7"' });
});

test('a 204 resolves with no body', async () => {
  answer = new Response(null, { status: 204 });
  assert.equal((await remove('ogc/collections/ban-zones/items/3')).body, null);
  assert.equal(sent.method, 'DELETE');
});

test('a JSON error becomes an ApiError with the service\'s words', async () => {
  answer = reply(412, { status: 412, error: 'Precondition Failed', detail: 'the feature changed since version "v6"' });
  const failure = await put('ogc/collections/ban-zones/items/3', {}, { ifMatch: '"v6"' }).catch((e) => e);
  assert.ok(failure instanceof ApiError);
  assert.equal(failure.status, 412);
  assert.equal(failure.detail, 'the feature changed since version "v6"');
  assert.equal(failure.message, '该要素已被他人修改 — the feature changed since version "v6" [HTTP 412 /airzone/ogc/collections/ban-zones/items/3]');
});

test('an error that is not JSON still says its status', async () => {
  answer = new Response('<html>bad gateway</html>', { status: 502 });
  const failure = await getJson('api/rules').catch((e) => e);
  assert.equal(failure.status, 502);
  assert.equal(failure.message, '请求失败 [HTTP 502 /airzone/api/rules]');
});

test('Retry-After is read and told', async () => {
  answer = reply(429, { status: 429, error: 'Too Many Requests' }, { 'Retry-After': '5' });
  const failure = await getJson('api/rules').catch((e) => e);
  assert.equal(failure.retryAfter, 5);
  assert.equal(failure.message, '请求过多 — Too Many Requests（请 5 秒后再试） [HTTP 429 /airzone/api/rules]');
});

test('a service out of reach is status 0', async () => {
  answer = new TypeError('Failed to fetch');
  const failure = await getJson('api/rules').catch((e) => e);
  assert.equal(failure.status, 0);
  assert.equal(failure.message, '无法连接服务（Failed to fetch）');
});

test('describeFailure: a sentence per status, the service\'s detail rather than the error name', () => {
  assert.equal(describeFailure({ status: 507, error: 'Insufficient Storage', detail: 'disk full' }),
      '服务器磁盘空间不足，未保存 — disk full [HTTP 507]');
  assert.equal(describeFailure({ status: 404, error: 'Not Found' }), '未找到 — Not Found [HTTP 404]');
  assert.equal(describeFailure({ status: 401 }), '未登录或登录已过期，请重新登录 [HTTP 401]');
  assert.equal(describeFailure({ status: 418, error: "I'm a teapot" }), "请求失败 — I'm a teapot [HTTP 418]");
});

test('waitText: seconds, then minutes, and a vague wait without a number', () => {
  assert.equal(waitText(30), ' 30 秒');
  assert.equal(waitText(300), ' 5 分钟');
  assert.equal(waitText(91), ' 2 分钟');
  assert.equal(waitText(null), '稍');
  assert.equal(waitText(0), '稍');
});
