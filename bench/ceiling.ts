/**
 * The ceiling: the least a Node server can do to answer JSON, with no framework, no CORS and no
 * session. Run as its own process (like `next start`) so it gets a core of its own:
 *   PORT=4500 tsx bench/ceiling.ts
 */
import http from "node:http";

const port = Number(process.env.PORT ?? 0);

const server = http.createServer((_req, res) => {
  const body = JSON.stringify({ message: "Hello from a bare node:http server" });
  res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
  res.end(body);
});

server.listen(port, "127.0.0.1", () => console.log(`ceiling listening on ${port}`));
