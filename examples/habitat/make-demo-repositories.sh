#!/bin/sh
# Makes two small git repositories (bare, under $1) to stand in for real ones: no network is
# reachable here. Each has a tests/ directory the habitat's run-tests finds.
set -eu
origin=$1
rm -rf "$origin"
mkdir -p "$origin"
for name in app lib; do
    work="$origin/$name.work"
    mkdir -p "$work/tests"
    printf '#!/bin/sh\necho "%s says hello"\n' "$name" > "$work/hello.sh"
    printf '#!/bin/sh\n# the greeting works\nsh "$(dirname "$0")/../hello.sh" | grep -q hello\n' > "$work/tests/hello.sh"
    printf '#!/bin/sh\n# the source is there\ntest -f "$(dirname "$0")/../hello.sh"\n' > "$work/tests/files.sh"
    git -C "$work" init -q -b main
    git -C "$work" add .
    git -C "$work" -c user.name=Pipewright -c user.email=demo@pipewright.invalid commit -q -m "$name: first commit"
    git clone -q --bare "$work" "$origin/$name.git"
    rm -rf "$work"
done
echo "made $origin/app.git and $origin/lib.git"
