#!/usr/bin/env bash
# Computes the signature of user-deleted.json independently of the Java code under test, with openssl:
#   base64(HMAC-SHA256(base64-decode(secret without "whsec_"), "<id>.<timestamp>.<body bytes>"))
# and writes it to user-deleted.signature. WebhookVerifierTest checks that the verifier accepts it.
# Run from this directory; the output is committed, so tests do not need openssl.
set -euo pipefail
cd "$(dirname "$0")"
SECRET=whsec_c2VjcmV0LWZvci1oZXhjbGF2ZS13ZWJob29rLXZlY3RvcnM=
ID=msg_2p9XhexclaveVector0001
TIMESTAMP=1764892800
key_hex=$(printf '%s' "${SECRET#whsec_}" | base64 -d | od -An -tx1 | tr -d ' \n')
{ printf '%s.%s.' "$ID" "$TIMESTAMP"; cat user-deleted.json; } \
    | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | base64 >user-deleted.signature
cat user-deleted.signature
