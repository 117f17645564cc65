// Tests send traffic to loopback addresses only. The SDK runs network diagnostics against public hosts when a request
// fails (client-interface.js, runNetworkDiagnostics); this guard makes every non-loopback fetch fail locally instead.
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function loopbackOnly(scope) {
  const realFetch = scope.fetch.bind(scope);
  scope.fetch = (input, init) => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url, scope.location?.href);
    if (!LOOPBACK.has(url.hostname)) {
      return Promise.reject(new TypeError(`blocked by the test: ${url.origin} is not a loopback address`));
    }
    return realFetch(input, init);
  };
}
