#!/usr/bin/env bash
# The published site of the shipped data, built by two revisions, must be byte-identical.
#
#   bash bench/site_identical.sh [BEFORE] [AFTER] [-- PUBLISH-OPTIONS]
#
# BEFORE (default: where this branch left main) and AFTER (default: the work tree as it is) are each installed
# into a venv of their own (constraints.txt, a copy of the revision from `git archive`, so
# nothing of the other revision is on the path) and run `teilhabe publish --out DIR`
# (PDFs included unless `-- --no-pdf` is given); then `diff -r` of the two sites.
# Exit 0: identical. The venvs and sites stay in $WORK (default /tmp/teilhabe-identical).
set -euo pipefail
before=${1:-$(git merge-base main HEAD)}
after=${2:-WORKTREE}
shift $(( $# > 2 ? 2 : $# )) || true
[[ ${1:-} == "--" ]] && shift
options=("$@")
root=$(git rev-parse --show-toplevel)
work=${WORK:-/tmp/teilhabe-identical}
python=${PYTHON:-python3}
mkdir -p "$work"

# shellcheck source=bench/revision.sh
source "$(dirname "$0")/revision.sh"

build() {  # build NAME REV
    local name=$1 rev=$2 venv="$work/$1-venv"
    rm -rf "$work/$name-site"
    install_revision "$name" "$rev"
    (cd "$work" && "$venv/bin/teilhabe" publish --out "$work/$name-site" \
        ${options[@]+"${options[@]}"} >"$work/$name.log" 2>&1) || { cat "$work/$name.log"; exit 1; }
}

build before "$before"
build after "$after"
diff -r "$work/before-site" "$work/after-site"
echo "identical: $(find "$work/after-site" -type f | wc -l) files ($before vs $after)"
