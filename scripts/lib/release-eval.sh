# Sourced by lang-eval.sh and dedup-eval.sh: run_release PRODUCT ARGS... builds one product of
# the package in release mode (static standard library, as the benchmarks are built) and runs it.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
run_release() {
    local product=$1
    shift
    swift build -c release --static-swift-stdlib --product "$product"
    "$(swift build -c release --static-swift-stdlib --show-bin-path)/$product" "$@"
}
