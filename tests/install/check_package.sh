#!/usr/bin/env bash
# Builds the .debs with CPack and checks them: the command's dependencies filled in by
# dpkg-shlibdeps, every file in place, the packaged binary running from an unpacked tree with its
# packaged rules; and backrelief-dev holding the library, its headers and package files, and
# depending on the command's package at the same version.
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

grep -q "/usr/include/\|\.a\$" <<<"$contents" && { echo "the command's package holds library files"; exit 1; }

dev=$(find "$work/out" -maxdepth 1 -name 'backrelief-dev_*.deb' | head -1)
[[ -n $dev ]] || { echo "no backrelief-dev .deb made"; ls "$work/out"; exit 1; }
dev_depends=$(dpkg-deb -f "$dev" Depends)
version=$(dpkg-deb -f "$deb" Version)
for package in "backrelief (= $version)" libfmt-dev libyaml-cpp-dev libstemmer-dev libutf8proc-dev; do
  [[ $dev_depends == *"$package"* ]] || { echo "backrelief-dev's Depends lacks $package: $dev_depends"; exit 1; }
done
dev_contents=$(dpkg-deb -c "$dev")
# The library directory is lib/ARCH-TRIPLET when the build was configured for /usr, else lib/.
libdir='\./usr/lib(/[a-z0-9_]+-linux-gnu[a-z0-9_]*)?'
for file in '\./usr/include/backrelief/backrelief\.hpp' '\./usr/include/backrelief/version\.hpp' \
  '\./usr/share/man/man3/backrelief\.3' \
  "$libdir/libbackrelief\.a" "$libdir/cmake/backrelief/backreliefConfig\.cmake" "$libdir/pkgconfig/backrelief\.pc"; do
  grep -qE " $file\$" <<<"$dev_contents" || { echo "not in backrelief-dev: $file"; exit 1; }
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
echo "$(basename "$dev"): Depends: $dev_depends"
