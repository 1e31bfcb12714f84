import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";
import proxyAddr from "proxy-addr";
import { env } from "@/config/env";

/**
 * Who sent the request, as a rate-limit key. The socket's address, unless `TRUST_PROXY` says which
 * proxies may speak for the client in `X-Forwarded-For`: otherwise anyone could write any address
 * there and get a fresh counter with every request.
 */
export function clientAddress(req: IncomingMessage): string {
  if (req.socket.remoteAddress === undefined) return "unknown"; // the client is already gone
  return group(proxyAddr(req, trusted));
}

const trust = env.trustProxy;
const trusted: (address: string, hop: number) => boolean =
  trust === undefined
    ? () => false
    : typeof trust === "number"
      ? (_address, hop) => hop < trust
      : proxyAddr.compile(trust);

/**
 * One key per IPv4 address, one per IPv6 /64: a single customer usually holds a whole /64 and can
 * pick a new address from it for every request.
 */
export function group(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address); // `::ffff:1.2.3.4` is the IPv4 address it carries
  if (parsed instanceof ipaddr.IPv4) return parsed.toString();
  const network = new ipaddr.IPv6([...parsed.parts.slice(0, 4), 0, 0, 0, 0]);
  return `${network.toString()}/64`;
}
