// Drives the official JS SDK (@stackframe/js) against the Hexclave emulator as a frontend would, step by step.
// Run by StackframeJsSdkTest: it reads HEXCLAVE_* from the environment, writes one JSON line per step on stdout
// ({"step": ...}) and waits for the test's JSON reply line on stdin before going on (the test checks tokens, moves the
// emulator's clock and reads the e-mailed code in between). Any failure prints {"step":"error",...} and exits 1.
import { createInterface } from "node:readline";
import { loopbackOnly } from "./loopback-only.mjs";

loopbackOnly(globalThis);
const { StackClientApp } = await import("@stackframe/js");

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

/** Reports a step and waits for the test's answer. */
async function step(name, data = {}) {
  process.stdout.write(JSON.stringify({ step: name, ...data }) + "\n");
  const reply = await lines.next();
  if (reply.done) throw new Error(`the test closed stdin after step ${name}`);
  return JSON.parse(reply.value);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function okResult(result, what) {
  check(result.status === "ok", `${what} failed: ${result.status === "error" ? result.error?.message : "?"}`);
}

async function main() {
  const app = new StackClientApp({
    baseUrl: process.env.HEXCLAVE_API_URL,
    projectId: process.env.HEXCLAVE_PROJECT_ID,
    publishableClientKey: process.env.HEXCLAVE_PUBLISHABLE_CLIENT_KEY,
    tokenStore: "memory",
  });
  const email = process.env.HEXCLAVE_TEST_EMAIL;
  const password = "correct horse battery";

  const project = await app.getProject();
  await step("project", { id: project.id, credentialEnabled: project.config.credentialEnabled,
    magicLinkEnabled: project.config.magicLinkEnabled });

  okResult(await app.signUpWithCredential({ email, password, noRedirect: true, noVerificationCallback: true }), "sign-up");
  const signedUp = await app.getUser();
  check(signedUp && signedUp.primaryEmail === email, "no user after sign-up");
  await signedUp.signOut();
  check((await app.getUser()) === null, "still signed in after sign-out");
  await step("signed-up", { userId: signedUp.id });

  okResult(await app.signInWithCredential({ email, password, noRedirect: true }), "sign-in");
  const user = await app.getUser({ or: "throw" });
  await user.update({ displayName: "Ada Lovelace", clientMetadata: { theme: "dark" } });
  const updated = await app.getUser({ or: "throw" });
  await step("signed-in", {
    userId: updated.id,
    displayName: updated.displayName,
    clientMetadata: updated.clientMetadata,
    authorizationHeader: await app.getAuthorizationHeader(),
    accessToken: await app.getAccessToken(),
  });

  // the test has moved the emulator's clock past the token's expiry: the SDK still believes the token fresh, sends it,
  // gets ACCESS_TOKEN_EXPIRED, refreshes through the OAuth token endpoint and repeats the request
  await user.update({ clientMetadata: { theme: "light" } });
  const afterRefresh = await app.getUser({ or: "throw" });
  await step("refreshed", { accessToken: await app.getAccessToken(), clientMetadata: afterRefresh.clientMetadata });

  await app.signOut(); // redirectMethod is "none" outside a browser
  const authJsonAfter = await app.getAuthJson();
  check(authJsonAfter.accessToken === null && (await app.getUser()) === null, "still signed in after sign-out");
  await step("signed-out");

  // e-mail code sign-in: the test reads the code the emulator would have e-mailed
  const sent = await app.sendMagicLinkEmail(email, { callbackUrl: "http://localhost:5173/handler/magic-link-callback" });
  okResult(sent, "send sign-in code");
  const { code } = await step("code-sent", { nonce: sent.data.nonce });
  okResult(await app.signInWithMagicLink(code, { noRedirect: true }), "sign-in with the code");
  const byCode = await app.getUser({ or: "throw" });
  await step("signed-in-by-code", { userId: byCode.id, displayName: byCode.displayName });
  await step("done");
}

main().then(() => process.exit(0), (e) => {
  process.stdout.write(JSON.stringify({ step: "error", message: String(e?.stack ?? e) }) + "\n");
  process.exit(1);
});
