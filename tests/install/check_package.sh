#!/usr/bin/env bash
# Builds the .deb with CPack and checks it: dependencies filled in by dpkg-shlibdeps, every
# file in place, and the packaged binary runs from an unpacked tree with its packaged rules.
set -eu
build_dir=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cpack --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log"; echo "cpack failed"; exit 1; }
deb=$(find "$work/out" -maxdepth 1 -name 'backrelief_*.deb' | head -1)
[[ -n $deb ]] || { echo "no .deb made"; ls "$work/out"; exit 1; }

depends=$(dpkg-deb -f "$deb" Depends)
for library in libyaml-cpp libfmt libstemmer libc6 libstdc++6 wordnet-base; do
  [[ $depends == *"$library"* ]] || { echo "Depends lacks $library: $depends"; exit 1; }
done

contents=$(dpkg-deb -c "$deb")
for file in ./usr/bin/backrelief ./usr/share/man/man1/backrelief.1 ./usr/share/man/man5/backrelief-rules.5 \
  ./usr/share/backrelief/rules/40-red-flags.yaml ./usr/share/backrelief/schema/recommend.schema.json \
  ./usr/share/bash-completion/completions/backrelief \
  ./usr/share/zsh/vendor-completions/_backrelief ./usr/share/fish/vendor_completions.d/backrelief.fish; do
  grep -q " $file\$" <<<"$contents" || { echo "not in the package: $file"; exit 1; }
done

dpkg-deb -x "$deb" "$work/root"
cd /
origin=$(env -i PATH=/usr/bin:/bin HOME="$work" "$work/root/usr/bin/backrelief" rules show stay-active \
  | sed -n 's/^origin: *//p')
case $origin in
  "$work"/root/usr/share/backrelief/rules/*) ;;
  *) echo "the packaged binary read its rules from '$origin'"; exit 1 ;;
esac
echo "$(basename "$deb"): Depends: $depends"
