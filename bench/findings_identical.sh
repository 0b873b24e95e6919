#!/usr/bin/env bash
# What `teilhabe validate` reports, by two revisions, must be byte-identical.
#
#   bash bench/findings_identical.sh [BEFORE] [AFTER] [--measures N]
#
# BEFORE (default: where this branch left main) and AFTER (default: the work tree as it is)
# are each installed into a venv of their own (constraints.txt, a copy of the revision from
# `git archive`, as in bench/site_identical.sh). Both then get the same inputs, made once
# by this work tree: the three plans of bench/plangen.py (repeated, distinct, warnings;
# 6,000 measures unless --measures), every shipped county's and plugin's data
# (counties/*/data, area.yaml, glossary.yaml, plugins/*, examples/) and the Leichte Sprache
# corpus (tests/data/easy_corpus.yaml: every sentence alone and every source's sentences
# as one text, through `teilhabe_core.easy.Checker` with the shared glossary, in both
# compound styles). Compared: `teilhabe validate --json`, the plain text in German and
# English, the exit codes and the checker's findings, with `cmp`.
# Exit 0: identical. Everything stays in $WORK (default /tmp/teilhabe-findings).
set -euo pipefail
before=${1:-$(git merge-base main HEAD)}
after=${2:-WORKTREE}
shift $(( $# > 2 ? 2 : $# )) || true
measures=6000
[[ ${1:-} == "--measures" ]] && measures=$2
root=$(git rev-parse --show-toplevel)
work=${WORK:-/tmp/teilhabe-findings}
python=${PYTHON:-python3}
mkdir -p "$work"

# shellcheck source=bench/revision.sh
source "$(dirname "$0")/revision.sh"

# The inputs, from this work tree (relative paths, so both outputs name the same files).
inputs=$work/inputs
rm -rf "$inputs" && mkdir -p "$inputs/plans"
(cd "$root" && git ls-files -co --exclude-standard -z -- counties plugins examples \
    tests/data/easy_corpus.yaml | xargs -0 cp -d --parents -t "$inputs")

install_revision before "$before"
install_revision after "$after"
for variant in repeated distinct warnings; do
    "$work/after-venv/bin/python" "$root/bench/plangen.py" "$variant" \
        "$inputs/plans/$variant.yaml" --measures "$measures" >/dev/null
done
targets=(plans/repeated.yaml plans/distinct.yaml plans/warnings.yaml)
shopt -s nullglob
targets+=($(cd "$inputs" && echo counties/*/data counties/*/area.yaml counties/*/glossary.yaml \
    plugins examples))
unset TEILHABE_EASY_CACHE TEILHABE_LANG TEILHABE_STORE  # no findings cache, German, the files

corpus() {  # every corpus sentence alone and each source's sentences as one text
    "$1" - "$inputs/tests/data/easy_corpus.yaml" <<'EOF'
import json, sys
import yaml
import teilhabe_core as th
from teilhabe_core.easy import Checker
from teilhabe_core.model import EasyLanguageSettings

data = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
texts = []
for source in data["sources"]:
    sentences = [s if isinstance(s, str) else s["text"] for s in source["sentences"]]
    texts += sentences + [" ".join(sentences)]
glossary = th.Teilhabe.discover().glossary(None)
for style in ("mediopunkt", "hyphen"):
    checker = Checker(EasyLanguageSettings(compound_style=style), glossary)
    for text in texts:
        for f in checker.check(text):
            print(json.dumps([style, text, f.rule, f.level, f.start, f.end, f.excerpt,
                              f.message, f.suggestion, f.describe()], ensure_ascii=False))
EOF
}

run() {  # run NAME: every output of one revision into $work/NAME-out
    local name=$1 out="$work/$1-out" bin="$work/$1-venv/bin"
    rm -rf "$out" && mkdir -p "$out"
    cd "$inputs"
    for target in "${targets[@]}"; do
        local key=${target//\//_}
        for mode in json de en; do
            local lang=de json=()
            [[ $mode == en ]] && lang=en
            [[ $mode == json ]] && json=(--json)
            set +e
            "$bin/teilhabe" --lang "$lang" validate ${json[@]+"${json[@]}"} "$target" \
                >"$out/$key.$mode" 2>&1
            echo "exit $?" >>"$out/$key.$mode"
            set -e
        done
    done
    corpus "$bin/python" >"$out/corpus.jsonl"
    cd - >/dev/null
}

run before
run after
status=0
for file in "$work"/after-out/*; do
    cmp "$work/before-out/${file##*/}" "$file" || status=1
done
[[ $status == 0 ]] || exit 1
echo "identical: $(ls "$work/after-out" | wc -l) outputs, $(grep -c '' "$work/after-out/corpus.jsonl")" \
     "corpus findings, $(grep -o '"code":' "$work/after-out/plans_warnings.yaml.json" | wc -l)" \
     "findings of the warnings plan ($before vs $after)"
