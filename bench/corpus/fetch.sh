#!/usr/bin/env bash
# Rebuilds the third-party document corpus in bench/corpus/files/ (not committed: the files
# stay under their authors' licences, in their repositories) from the repositories below, at
# pinned commits. Uses a local bare mirror when there is one ($MIRRORS/<owner>+<name>/repo, as
# the `fetch` tool leaves them), else a shallow clone from GitHub.
#
#   bash bench/corpus/fetch.sh            # then: python3 bench/corpus/run.py
set -euo pipefail
cd "$(dirname "$0")"
mirrors=${MIRRORS:-/work/.mirror}
out=files
# owner/name  commit  licence  (every .docx .xlsx .odt .ods .pdf of the tree is taken)
repos=(
  "python-openxml/python-docx e45454602b53e8e572b179ccf1c91093ec9f4ed7 MIT"
  "tafia/calamine 263762c8e98ef25da8511d9c5ea1783493e3bf6d MIT"
  "mwilliamson/mammoth.js e3b9cecdaa3df0d9007ed7b06add53c65516e429 BSD-2-Clause"
  "jdum/odfdo 4d3c203e0d37cec7786efea77c36a417426fbfd9 Apache-2.0"
)
rm -rf "$out"
for line in "${repos[@]}"; do
  read -r repo commit licence <<<"$line"
  key=${repo/\//+}
  git_dir=$mirrors/$key/repo
  if ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    git_dir=$(mktemp -d)/repo.git
    git clone --quiet --bare --filter=blob:none "https://github.com/$repo.git" "$git_dir"
  fi
  n=0
  while IFS= read -r path; do
    # A mirror may leave its largest blobs out: those files are skipped, and counted.
    git --git-dir="$git_dir" cat-file -e "$commit:$path" 2>/dev/null || { echo "absent : $path" >&2; continue; }
    mkdir -p "$out/$key/$(dirname "$path")"
    git --git-dir="$git_dir" show "$commit:$path" >"$out/$key/$path"
    n=$((n + 1))
  done < <(git --git-dir="$git_dir" ls-tree -r --name-only "$commit" | grep -iE '\.(docx|xlsx|odt|ods|pdf)$')
  echo "$repo@${commit:0:12} ($licence): $n fichiers" >&2
done
