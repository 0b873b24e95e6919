# Sourced by bench/site_identical.sh and bench/findings_identical.sh.
#
# install_revision NAME REV: REV (a git revision, or WORKTREE: the work tree as it is,
# untracked files included, symlinks kept as links) copied to $work/NAME-src and installed
# into the venv $work/NAME-venv with the pinned constraints, so nothing of the other
# revision is on the path. Needs $root, $work and $python.
install_revision() {
    local name=$1 rev=$2 src="$work/$1-src" venv="$work/$1-venv"
    rm -rf "$src"
    mkdir -p "$src"
    if [[ $rev == WORKTREE ]]; then
        (cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 cp -d --parents -t "$src")
    else
        (cd "$root" && git archive "$rev") | tar -x -C "$src"
    fi
    [[ -x $venv/bin/python ]] || "$python" -m venv "$venv"
    "$venv/bin/pip" install -q -c "$root/constraints.txt" "$src" >/dev/null 2>&1
    "$venv/bin/pip" install -q --force-reinstall --no-deps "$src" >/dev/null 2>&1
}
