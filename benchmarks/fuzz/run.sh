#!/usr/bin/env bash
# Fuzzes every parser that reads attacker-controlled bytes, one Jazzer target after the other (see
# docs/modules/ROOT/pages/security-model.adoc, "Fuzzing"). Not part of the test command: `./mvnw verify` only replays
# the saved inputs (src/test/resources/**/<Test>Inputs/<method>/) as regression tests.
#
#   benchmarks/fuzz/run.sh                 every target, each until 1,000,000 inputs or 20 minutes (the emulator target: 45, it answers over sockets)
#   benchmarks/fuzz/run.sh Credential      only the targets whose class name contains "Credential" (a regex: "Token|Jwks")
#   SAVE_CORPUS=1 benchmarks/fuzz/run.sh   also copy each target's grown corpus into its saved inputs
#
# A finding fails the target: Jazzer writes the reproducer as crash-<sha1> into the target's inputs directory, where
# it stays as a regression case once fixed. Results: benchmarks/results/<date>-fuzz.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
FILTER=${1:-}
TARGETS=(
    "core io.quarkiverse.hexclave.credential.CredentialExtractionFuzzTest findNeverThrowsAndReturnsAWellFormedLookup"
    "core io.quarkiverse.hexclave.credential.CredentialExtractionFuzzTest authJsonNeverThrows"
    "core io.quarkiverse.hexclave.verifier.TokenVerificationFuzzTest onlyValidTokensOfThisProjectAreAccepted"
    "core io.quarkiverse.hexclave.verifier.TokenVerificationFuzzTest mutatedHostileTokensAreNeverAccepted"
    "core io.quarkiverse.hexclave.verifier.JwksParsingFuzzTest keySetAnswersAreReadSafely"
    "core io.quarkiverse.hexclave.verifier.JwksParsingFuzzTest mutatedRealKeySetsAreReadSafely"
    "core io.quarkiverse.hexclave.client.ErrorResponseFuzzTest errorAnswersBecomeTypedExceptions"
    "core io.quarkiverse.hexclave.webhook.WebhookVerificationFuzzTest onlyCorrectlySignedDeliveriesAreAccepted"
    "core io.quarkiverse.hexclave.webhook.WebhookVerificationFuzzTest mutatedVectorsAreNeverAcceptedUnlessSigned"
    "emulator io.quarkiverse.hexclave.emulator.EmulatorRequestFuzzTest everyRequestGetsAnAnswerAndNoneIsA500"
)
OUT="$ROOT/benchmarks/results/$(date -u +%Y-%m-%d)-fuzz${FILTER:+-${FILTER//[^A-Za-z]/-}}.md"
LOGS="$ROOT/benchmarks/fuzz/target"
mkdir -p "$LOGS"

./mvnw -B -q install -DskipTests -pl emulator,contract,core -am >/dev/null

{
    echo "# Fuzzing run $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
    echo
    echo "Jazzer $(sed -n 's:.*<jazzer.version>\(.*\)</jazzer.version>.*:\1:p' pom.xml), JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores, load average at start $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "| target | inputs executed | seconds | exec/s | coverage (edges) | features | corpus | findings |"
    echo "|---|---|---|---|---|---|---|---|"
} >"$OUT"

status=0
for t in "${TARGETS[@]}"; do
    read -r module class method <<<"$t"
    [[ -n "$FILTER" && ! "$class" =~ $FILTER ]] && continue
    log="$LOGS/${class##*.}-$method.log"
    echo "fuzzing ${class##*.}#$method (log: $log)"
    if JAZZER_FUZZ=1 ./mvnw -B test-compile surefire:test@fuzz-regression -pl "$module" -Dtest="$class#$method" \
        -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
        finding="none"
    else
        finding="**yes**: see $(grep -a -o 'crash-[0-9a-f]*' "$log" | head -1 || echo "$log")"
        status=1
    fi
    done_line=$(grep -a -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
    runs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\1/' <<<"$done_line")
    secs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\2/' <<<"$done_line")
    last=$(grep -a -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 || true)
    cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | cut -d' ' -f2 || true)
    ft=$(grep -oE 'ft: [0-9]+' <<<"$last" | cut -d' ' -f2 || true)
    corp=$(grep -oE 'corp: [0-9]+/[0-9]+[kKmM]?b' <<<"$last" | cut -d' ' -f2 || true)
    rate=$([[ -n "$runs" && -n "$secs" && "$secs" -gt 0 ]] && echo $((runs / secs)) || echo "")
    echo "| \`${class##*.}#$method\` | ${runs:-?} | ${secs:-?} | ${rate:-?} | ${cov:-?} | ${ft:-?} | ${corp:-?} | $finding |" >>"$OUT"
    if [[ "${SAVE_CORPUS:-0}" == 1 ]]; then
        pkg_dir=$(dirname "${class//.//}")
        src="$ROOT/$module/.cifuzz-corpus/$class/$method"
        dst="$ROOT/$module/src/test/resources/$pkg_dir/${class##*.}Inputs/$method"
        if [[ -d "$src" ]]; then
            mkdir -p "$dst"
            cp "$src"/* "$dst"/ 2>/dev/null || true
        fi
    fi
done
echo "results: $OUT"
exit $status
