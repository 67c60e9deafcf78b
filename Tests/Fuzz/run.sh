#!/usr/bin/env bash
# Builds Chorus's libFuzzer harnesses (with AddressSanitizer) and runs each for a bounded time,
# starting from the seeds in Tests/Fuzz/Seeds/<harness>/ (the inputs that once crashed Chorus among
# them). A crash, a sanitizer report or a timeout fails the run and names the input that did it.
#
#   Tests/Fuzz/run.sh [SECONDS] [HARNESS...]      default: 60 seconds for every harness
#
# Exit status: 0 no finding, 1 a harness found a crash, 2 the build failed, 77 this Swift
# toolchain cannot build libFuzzer harnesses (the reason is printed; CI skips on it).
# Needs a Swift toolchain with libFuzzer and AddressSanitizer (the swift.org Linux toolchains
# have both). The build goes to Tests/Fuzz/.build (or $CHORUS_FUZZ_BUILD); new inputs go to a
# temporary folder, crash inputs to $CHORUS_FUZZ_ARTIFACTS (default: a temporary folder, printed).
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:-60}
[ $# -gt 0 ] && shift
all=(FuzzJSON FuzzState FuzzTemplate FuzzPhrasebook FuzzLint FuzzAudience FuzzJournal)
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=("${all[@]}")
scratch=${CHORUS_FUZZ_BUILD:-.build}

# Can this toolchain link a libFuzzer harness with AddressSanitizer at all? (macOS's Xcode
# toolchain and some Linux packages lack the fuzzer runtime.) A one-line harness says so in
# seconds, before minutes of building.
probe=$(mktemp -d -t chorus-fuzz-probe.XXXXXX)
printf '@_cdecl("LLVMFuzzerTestOneInput") public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt { 0 }\n' > "$probe/probe.swift"
if ! probe_output=$(cd "$probe" && swiftc -sanitize=fuzzer,address -parse-as-library probe.swift -o probe 2>&1); then
    rm -rf "$probe"
    echo "fuzz: skipped: this Swift toolchain cannot build libFuzzer harnesses with AddressSanitizer (swiftc -sanitize=fuzzer,address failed):" >&2
    grep -v 'Cannot export local symbol' <<<"$probe_output" | head -n 5 >&2
    exit 77
fi
rm -rf "$probe"

# A build folder made before Chorus's sources moved keeps a build plan naming files that are
# gone ("missing inputs"); dropping the plan makes SwiftPM plan again (the objects are kept).
rm -f "$scratch/debug.yaml" "$scratch"/*/debug/description.json

# `--sanitize fuzzer` makes SwiftPM leave libFuzzer's main in place (without it, main points at
# the harness's own entry point and the link fails); `-sanitize=fuzzer,address` in one flag,
# because the compiler keeps only the last -sanitize it is given (coverage and ASan both).
build=(swift build -c debug --scratch-path "$scratch"
       --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
# The gold linker warns once per ASan symbol it cannot export; those lines say nothing.
quiet() { "$@" 2>&1 | { grep -v 'Cannot export local symbol' || true; }; return "${PIPESTATUS[0]}"; }
echo "fuzz: building ${harnesses[*]}"
if [ ${#harnesses[@]} -eq ${#all[@]} ]; then
    # Every harness in one build: their shared modules compile once, in parallel.
    quiet "${build[@]}" || { echo "fuzz: building the harnesses failed" >&2; exit 2; }
else
    for harness in "${harnesses[@]}"; do
        quiet "${build[@]}" --product "$harness" || { echo "fuzz: building $harness failed" >&2; exit 2; }
    done
fi
bin=$("${build[@]}" --show-bin-path)

artifacts=${CHORUS_FUZZ_ARTIFACTS:-$(mktemp -d -t chorus-fuzz-artifacts.XXXXXX)}
mkdir -p "$artifacts"
failed=()
for harness in "${harnesses[@]}"; do
    corpus=$(mktemp -d -t "chorus-fuzz-$harness.XXXXXX")
    echo "fuzz: $harness for ${seconds}s (seeds: Seeds/$harness)"
    set +e
    # SWIFT_BACKTRACE=enable=no: libFuzzer reports a crash and saves its input itself; the
    # Swift runtime's backtracer would otherwise take the signal first (and can outlive it).
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$bin/$harness" -max_total_time="$seconds" -timeout=20 \
        -rss_limit_mb=2560 -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/$harness-" \
        "$corpus" "Seeds/$harness" > "$artifacts/$harness.log" 2>&1
    status=$?
    set -e
    rm -rf "$corpus"
    if [ "$status" -ne 0 ]; then
        grep -v '^  ' "$artifacts/$harness.log" | tail -n 60
        echo "fuzz: $harness FAILED (exit $status); the input is in $artifacts/$harness-*, the log in $artifacts/$harness.log" >&2
        failed+=("$harness")
    else
        grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added|stat::peak_rss_mb)' "$artifacts/$harness.log" || true
        rm -f "$artifacts/$harness.log"
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: failed: ${failed[*]}; reproduce with $bin/<harness> $artifacts/<harness>-crash-…" >&2
    exit 1
fi
rmdir "$artifacts" 2>/dev/null || true
echo "fuzz: every harness ran ${seconds}s without a crash"
