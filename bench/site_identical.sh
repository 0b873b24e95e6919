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

build() {  # build NAME REV
    local name=$1 rev=$2 src="$work/$1-src" venv="$work/$1-venv"
    rm -rf "$src" "$work/$name-site"
    mkdir -p "$src"
    if [[ $rev == WORKTREE ]]; then
        (cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$src")
    else
        (cd "$root" && git archive "$rev") | tar -x -C "$src"
    fi
    [[ -x $venv/bin/python ]] || "$python" -m venv "$venv"
    "$venv/bin/pip" install -q -c "$root/constraints.txt" "$src" >/dev/null 2>&1
    "$venv/bin/pip" install -q --force-reinstall --no-deps "$src" >/dev/null 2>&1
    (cd "$work" && "$venv/bin/teilhabe" publish --out "$work/$name-site" \
        ${options[@]+"${options[@]}"} >"$work/$name.log" 2>&1) || { cat "$work/$name.log"; exit 1; }
}

build before "$before"
build after "$after"
diff -r "$work/before-site" "$work/after-site"
echo "identical: $(find "$work/after-site" -type f | wc -l) files ($before vs $after)"
