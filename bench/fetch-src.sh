#!/bin/bash
# fetch-src.sh PACKAGE DIR — unpacks the upstream source of Debian source package PACKAGE (the
# version of the machine's configured Debian release) into DIR/PACKAGE, once. deb-src entries are
# derived from the machine's own deb entries in a private apt state directory; /etc/apt is not
# touched (the same trick as ../../shared/tools/icount/build.sh). Prints the source directory.
set -euo pipefail
pkg=$1 W=$2
out="$W/$pkg"
if [ -f "$out/.done" ]; then echo "$out"; exit 0; fi
mkdir -p "$W/apt/lists/partial" "$W/apt/sp" "$W/dl"
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] && sed 's/^Types: deb$/Types: deb-src/' "$f" > "$W/apt/sp/$(basename "$f")"
done
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
  [ -f "$f" ] && sed -n 's/^deb /deb-src /p' "$f" > "$W/apt/sp/$(basename "$f").list" || true
done
O=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$W/apt/sp" -o "Dir::State::Lists=$W/apt/lists")
apt-get "${O[@]}" update -qq
rm -rf "$W/dl"/* "$out"
# Newest version first; a security-pocket version may be missing from the mirror, so fall back.
ok=
for v in $(apt-cache "${O[@]}" showsrc "$pkg" | sed -n 's/^Version: //p' | sort -ru); do
  if (cd "$W/dl" && apt-get "${O[@]}" source --download-only -qq "$pkg=$v" 2>/dev/null); then ok=1; break; fi
  rm -f "$W/dl"/*
done
[ -n "$ok" ] || { echo "fetch-src.sh: no version of $pkg could be downloaded" >&2; exit 1; }
mkdir -p "$out"
# The upstream tarball, not its detached signature (*.orig.tar.xz.asc), which some packages ship.
orig=$(ls "$W"/dl/*.orig.tar.* | grep -v '\.asc$' | head -n 1)
tar -xf "$orig" -C "$out" --strip-components=1
touch "$out/.done"
echo "$out"
