// The page BrowserFlowTest opens in headless Chromium. Served from one loopback origin, it signs in with the JS SDK
// against the emulator on a second origin and calls a backend on a third with getAuthorizationHeader(): every
// cross-origin request goes through the browser's CORS checks. It posts what happened to its own origin (/result).
import { loopbackOnly } from "./loopback-only.mjs";

loopbackOnly(window);
const { StackClientApp } = await import("@stackframe/js");

async function report(result) {
  document.getElementById("out").textContent = JSON.stringify(result);
  await fetch("/result", { method: "POST", body: JSON.stringify(result) });
}

async function run() {
  const cfg = await (await fetch("/config.json")).json();
  const result = { origin: location.origin };
  try {
    // what any frontend code would send first; the browser blocks it unless the emulator admits this origin
    const plain = await fetch(cfg.baseUrl + "/api/v1/projects/current", {
      headers: {
        "x-hexclave-access-type": "client",
        "x-hexclave-project-id": cfg.projectId,
        "x-hexclave-publishable-client-key": cfg.publishableClientKey,
      },
    });
    result.plainFetch = plain.status;
  } catch (e) {
    result.plainFetch = "blocked";
    return result;
  }
  const app = new StackClientApp({
    baseUrl: cfg.baseUrl,
    projectId: cfg.projectId,
    publishableClientKey: cfg.publishableClientKey,
    tokenStore: "cookie", // what a browser app configures
    redirectMethod: "none",
    analytics: { enabled: false },
    devTool: false,
  });
  const signUp = await app.signUpWithCredential({ email: cfg.email, password: "correct horse battery", noRedirect: true,
    noVerificationCallback: true });
  if (signUp.status !== "ok") throw new Error("sign-up failed: " + signUp.error?.message);
  const user = await app.getUser({ or: "throw" });
  await user.update({ displayName: "Browser Ada" });
  result.userId = user.id;
  result.displayName = (await app.getUser({ or: "throw" })).displayName;
  const firstToken = await app.getAccessToken();
  const backend = await fetch(cfg.backendUrl + "/whoami", { headers: { authorization: await app.getAuthorizationHeader() } });
  result.backendStatus = backend.status;
  result.backendBody = await backend.text();
  if (cfg.checkpoint === "true") {
    // the test moves the emulator's clock past the token's expiry meanwhile; the SDK then gets ACCESS_TOKEN_EXPIRED
    // and refreshes through the OAuth token endpoint, a cross-origin form POST the browser checks too
    await fetch("/checkpoint");
    await user.update({ clientMetadata: { refreshed: true } });
    const freshToken = await app.getAccessToken();
    result.refreshed = freshToken !== firstToken;
    const again = await fetch(cfg.backendUrl + "/whoami", { headers: { authorization: await app.getAuthorizationHeader() } });
    result.backendAfterRefresh = again.status;
  }
  await app.signOut();
  result.signedOut = (await app.getUser()) === null;
  return result;
}

run().then(report, (e) => report({ error: String(e?.stack ?? e) }));
