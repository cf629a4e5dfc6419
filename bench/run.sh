#!/usr/bin/env bash
# bidlint's benchmark, in one run on the same generated files (nothing is written in the repo):
#   1. `bidlint check --no-cache` (cold) against sequential `pdftotext` over the same PDFs, on
#      the large bid folder at 1x, 2x and 4x (time against pages);
#   2. a warm re-run (cache primed) against the cold one;
#   3. the name-only pack `bench/names-pack.yaml` on a 100,000-file tree against ls-lint with
#      the equivalent `bench/ls-lint.yml`;
#   4. peak RSS of bidlint (the parent) and of its document workers (`/usr/bin/time -v`).
# Times are medians of RUNS runs (default 3). Prints a Markdown table, also written to $1.
#
#   bash bench/run.sh [OUT.md]          # RUNS=5 bash bench/run.sh for more runs
#
# Installs what it lacks: poppler-utils and time (apt), ls-lint (npm, into bench/.tools/).
set -euo pipefail
cd "$(dirname "$0")/.."
out_md=${1:-}
runs=${RUNS:-3}

need_apt=()
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== apt-get install ${need_apt[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
lslint=bench/.tools/node_modules/@ls-lint/ls-lint/bin/ls-lint-linux-amd64
if [ ! -x "$lslint" ]; then
  echo "== npm install @ls-lint/ls-lint" >&2
  npm install --silent --prefix bench/.tools @ls-lint/ls-lint@2.3.1 >/dev/null
fi

echo "== cargo build --release" >&2
cargo build --release --locked --quiet -p bidlint -p bidlint-fixturegen
bidlint=$PWD/target/release/bidlint
gen=$PWD/target/release/bidlint-fixturegen

work=$(mktemp -d /tmp/bidlint-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export BIDLINT_CACHE_DIR=$work/cache

echo "== generating the corpora in $work" >&2
declare -A pages files
for scale in 1 2 4; do
  line=$("$gen" --corpus "$work/x$scale/reponse" "$scale")
  files[$scale]=$(sed -E 's/.* : ([0-9]+) fichiers.*/\1/' <<<"$line")
  pages[$scale]=$(sed -E 's/.*, ([0-9]+) pages.*/\1/' <<<"$line")
done
"$gen" --names "$work/names" 100000 "$PWD/bench/names-pack.yaml" >/dev/null

# Wall-clock seconds of one run of "$@" (output discarded; a non-zero exit is expected from a
# linter that finds faults).
seconds() {
  /usr/bin/time -f %e -o "$work/t" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/t"
}
# Median of the numbers given as arguments.
median_of() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Median of RUNS runs.
median() {
  local times=()
  for _ in $(seq "$runs"); do times+=("$(seconds "$@")"); done
  median_of "${times[@]}"
}
pdftotext_all() {
  find "$1" -name '*.pdf' -print0 | sort -z | while IFS= read -r -d '' f; do
    pdftotext -q "$f" /dev/null || true
  done
}
export -f pdftotext_all
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# bidlint and pdftotext run in turn, and the ratio is the median of each pair's ratio: a
# shared virtual machine drifts by tens of percent within minutes, and a drift that hits both
# members of a pair cancels out.
declare -A cold pdft cold_ratio
for scale in 1 2 4; do
  echo "== cold check and pdftotext, ${scale}x" >&2
  a=() b=() r=()
  for _ in $(seq "$runs"); do
    ta=$(seconds "$bidlint" check "$work/x$scale/reponse" --no-cache --format json -o "$work/r.json")
    tb=$(seconds bash -c "pdftotext_all '$work/x$scale/reponse'")
    a+=("$ta") b+=("$tb") r+=("$(ratio "$ta" "$tb")")
  done
  cold[$scale]=$(median_of "${a[@]}")
  pdft[$scale]=$(median_of "${b[@]}")
  cold_ratio[$scale]=$(median_of "${r[@]}")
done

echo "== warm check, 1x" >&2
"$bidlint" check "$work/x1/reponse" --format json -o "$work/r.json" >/dev/null || true
warm=$(median "$bidlint" check "$work/x1/reponse" --format json -o "$work/r.json")

echo "== name-only, 100,000 files" >&2
names_bidlint=$(median "$bidlint" check "$work/names" --pack bench/names-pack.yaml --format json -o "$work/n.json")
names_lslint=$(median "$lslint" --config "$PWD/bench/ls-lint.yml" --workdir "$work/names")
found_bidlint=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(sum(len(x['findings']) for x in r['results']))" "$work/n.json")
found_lslint=$( ("$lslint" --config "$PWD/bench/ls-lint.yml" --workdir "$work/names" 2>&1 || true) | grep -c 'failed for')

echo "== peak memory" >&2
/usr/bin/time -v -o "$work/v" "$bidlint" check "$work/x1/reponse" --no-cache --format json -o "$work/r.json" >/dev/null 2>&1 || true
parent_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/v")
worker_kb=0
while IFS= read -r -d '' f; do
  case "$f" in *.pdf) fmt=pdf ;; *.docx) fmt=docx ;; *.xlsx) fmt=xlsx ;; *) continue ;; esac
  # The worker exactly as `check` starts it: format, path, memory limit (bytes), CPU seconds.
  /usr/bin/time -f %M -o "$work/m" "$bidlint" __read-document "$fmt" "$f" $((1024 * 1024 * 1024)) 31 >/dev/null 2>&1 || true
  kb=$(cat "$work/m")
  [ "$kb" -gt "$worker_kb" ] && worker_kb=$kb
done < <(find "$work/x1/reponse" -type f -print0)

{
  echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); medians of $runs runs; a cold ratio is the median of the ratios of runs made in turn."
  echo
  echo "| measure | bidlint | alternative | ratio | target |"
  echo "|---|---|---|---|---|"
  for scale in 1 2 4; do
    echo "| cold check, ${scale}x (${files[$scale]} files, ${pages[$scale]} PDF pages) vs sequential pdftotext | ${cold[$scale]} s | ${pdft[$scale]} s | ${cold_ratio[$scale]} | ≤ 0.75 |"
  done
  echo "| warm re-run vs cold, 1x | ${warm} s | ${cold[1]} s | $(ratio "$warm" "${cold[1]}") | ≤ 0.05 |"
  echo "| name-only pack, 100,000 files vs ls-lint ($found_bidlint and $found_lslint names found too long) | ${names_bidlint} s | ${names_lslint} s | $(ratio "$names_bidlint" "$names_lslint") | ≤ 1.0 |"
  echo "| peak RSS of the parent, cold 1x | $((parent_kb / 1024)) MB | | | ≤ 200 MB |"
  echo "| peak RSS of one document worker (largest of all documents, 1x) | $((worker_kb / 1024)) MB | | | (limit \`--doc-memory\`, 1024 MB) |"
  echo
  per_k() { awk -v t="$1" -v p="$2" 'BEGIN {printf "%.2f", 1000 * t / p}'; }
  echo "Time per 1,000 PDF pages at 1x, 2x, 4x: bidlint cold $(per_k "${cold[1]}" "${pages[1]}"), $(per_k "${cold[2]}" "${pages[2]}"), $(per_k "${cold[4]}" "${pages[4]}") s; pdftotext $(per_k "${pdft[1]}" "${pages[1]}"), $(per_k "${pdft[2]}" "${pages[2]}"), $(per_k "${pdft[4]}" "${pages[4]}") s."
} | tee "${out_md:-/dev/null}"
