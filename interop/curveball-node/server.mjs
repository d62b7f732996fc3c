// A Curveball (Node.js) application that keeps its sessions in Redis with
// @curveball/session-redis, with Curveball's defaults: cookie "CB", key prefix "session".
// The Spring sample shares these sessions; CurveballInteropTests drives both.
//
//   node server.mjs [port] [redis-port] [redis-host]
//
// Arguments fall back to PORT, REDIS_PORT and REDIS_HOST, then 3000, 6379 and 127.0.0.1.
import { Application } from '@curveball/core';
import session from '@curveball/session';
import { RedisStore } from '@curveball/session-redis';

const [portArg, redisPortArg, redisHostArg] = process.argv.slice(2);
const port = Number(portArg ?? process.env.PORT ?? 3000);
const redisPort = Number(redisPortArg ?? process.env.REDIS_PORT ?? 6379);
const redisHost = redisHostArg ?? process.env.REDIS_HOST ?? '127.0.0.1';

const app = new Application();

app.use(session({
  store: new RedisStore({
    prefix: 'session',
    clientOptions: { socket: { host: redisHost, port: redisPort } },
  }),
}));

app.use(async (ctx, next) => {
  const match = /^\/session(?:\/([^/]+))?$/.exec(ctx.path);
  if (!match) {
    return next();
  }
  const key = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
  if (ctx.method === 'GET' && key === undefined) {
    return json(ctx, 200, ctx.session);
  }
  if (ctx.method === 'PUT' && key !== undefined) {
    ctx.session = { ...ctx.session, [key]: JSON.parse(await ctx.request.rawBody('utf-8')) };
    return json(ctx, 200, ctx.session);
  }
  return json(ctx, 405, { error: `${ctx.method} ${ctx.path} is not supported` });
});

function json(ctx, status, body) {
  ctx.status = status;
  ctx.response.type = 'application/json';
  ctx.response.body = body;
}

app.listen(port, '127.0.0.1');
console.log(`Curveball interop app on http://127.0.0.1:${port}, sessions in Redis at ${redisHost}:${redisPort}`);
