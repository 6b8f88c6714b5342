#!/usr/bin/env bash
# Installs the build into a temporary prefix, then builds examples/embed against the installed
# tree (never the build tree) twice: with CMake's find_package, and with pkg-config. Each build
# runs three profiles in threads; its JSON must be what the installed command prints for them.
# When the build made libbackrelief.so, a third program links it and must find it by its soname.
# Usage: check_embedding.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$(realpath "$1")
source_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build_dir" --prefix "$prefix" >/dev/null
rules=$prefix/share/backrelief/rules
cd /

# What the installed command says for the example's three people, one compact line each (its
# exit status tells a referral from a suggestion; the JSON says it too).
cli() {
  local answer
  answer=$(env -i PATH=/usr/bin:/bin HOME="$work" "$prefix/bin/backrelief" recommend --format json "$@") || true
  jq -cS . <<<"$answer"
}
{
  cli --pressure firm "dull ache low in my back after sitting, knots under my shoulder blade"
  cli --goal relaxation "stiff upper back, I take warfarin"
  cli "back pain and I can't feel the saddle area"
} > "$work/expected"
jq -e -s 'length == 3 and (.[0].suggestions | length) > 0 and .[2].referral.level == "emergency"' \
  "$work/expected" >/dev/null || { echo "the command's own answers are not the ones this test expects:"; cat "$work/expected"; exit 1; }

# check NAME [VARIABLE=VALUE...] PROGRAM ARGS...: runs the program in a bare environment and
# compares its answers with the command's.
check() {
  local name=$1
  shift
  env -i PATH=/usr/bin:/bin HOME="$work" "$@" > "$work/$name.out" 2> "$work/$name.err" ||
    { echo "$name: the example failed:"; cat "$work/$name.err"; exit 1; }
  jq -cS . "$work/$name.out" > "$work/$name.json"
  diff -u "$work/expected" "$work/$name.json" || { echo "$name: the library's JSON is not the command's"; exit 1; }
  grep -q "^backrelief [0-9]*\.[0-9]*\.[0-9]*, JSON schema [0-9]*$" "$work/$name.err" ||
    { echo "$name: no version line:"; cat "$work/$name.err"; exit 1; }
  echo "$name: built against $prefix, three answers as the command gives them"
}

cmake -S "$source_dir/examples/embed" -B "$work/with-cmake" -DCMAKE_PREFIX_PATH="$prefix" \
  > "$work/cmake.log" 2>&1 || { cat "$work/cmake.log"; exit 1; }
cmake --build "$work/with-cmake" > "$work/cmake-build.log" 2>&1 || { cat "$work/cmake-build.log"; exit 1; }
grep -q "$prefix/lib/cmake/backrelief" "$work/with-cmake/CMakeCache.txt" ||
  { echo "find_package did not find the installed package"; exit 1; }
check find_package "$work/with-cmake/recommend_three" "$rules"

mkdir "$work/with-pkg-config"
cp "$source_dir/examples/embed/main.cpp" "$source_dir/examples/embed/Makefile" "$work/with-pkg-config/"
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
[[ $(pkg-config --variable=rulesdir backrelief) -ef $rules ]] ||
  { echo "pkg-config's rulesdir is $(pkg-config --variable=rulesdir backrelief), not $rules"; exit 1; }
make -C "$work/with-pkg-config" > "$work/make.log" 2>&1 || { cat "$work/make.log"; exit 1; }
# With libbackrelief.so beside libbackrelief.a the linker takes the shared one, as it does for any
# library; a prefix outside the loader's path is then named to it.
check pkg-config LD_LIBRARY_PATH="$prefix/lib" "$work/with-pkg-config/recommend_three" \
  "$(pkg-config --variable=rulesdir backrelief)"

if compgen -G "$prefix/lib/libbackrelief.so.*" > /dev/null; then
  soname=$(objdump -p "$prefix"/lib/libbackrelief.so | sed -n 's/^ *SONAME *//p')
  [[ $soname =~ ^libbackrelief\.so\.[0-9]+$ ]] || { echo "libbackrelief.so has the soname '$soname'"; exit 1; }
  g++ -std=c++20 -I "$prefix/include" -o "$work/shared" "$source_dir/examples/embed/main.cpp" \
    -L "$prefix/lib" -Wl,-rpath,"$prefix/lib" -lbackrelief -pthread
  objdump -p "$work/shared" | grep -q "NEEDED *$soname" || { echo "the program did not link $soname"; exit 1; }
  # It exports the public API and nothing of the internals.
  exported=$(nm -D --defined-only "$prefix/lib/libbackrelief.so" | c++filt)
  grep -q "backrelief::Recommender::load(" <<<"$exported" || { echo "libbackrelief.so does not export the API"; exit 1; }
  if leaked=$(grep -E "backrelief::(RuleSet|Vocabulary|PatternMatcher|make_profile|recommend\(|YamlReader)" <<<"$exported"); then
    echo "libbackrelief.so exports internals:"; head -5 <<<"$leaked"; exit 1
  fi
  # The shared library finds the rules installed beside it, with no directory given.
  check shared "$work/shared"

  # backrelief(3)'s example, as the page shows it, against the same library.
  awk '/example-program/ { found = 1; next } found && /^\.Bd/ { inside = 1; next }
       inside && /^\.Ed/ { exit } inside { gsub(/\\e/, "\\"); print }' \
    "$source_dir/man/backrelief.3" > "$work/manual.cpp"
  [[ -s $work/manual.cpp ]] || { echo "no example-program block in backrelief(3)"; exit 1; }
  g++ -std=c++20 -I "$prefix/include" -o "$work/manual" "$work/manual.cpp" \
    -L "$prefix/lib" -Wl,-rpath,"$prefix/lib" -lbackrelief
  manual_output=$(env -i PATH=/usr/bin:/bin HOME="$work" "$work/manual")
  [[ $(head -1 <<<"$manual_output") == "1 Swedish massage" ]] ||
    { echo "backrelief(3)'s example printed:"; echo "$manual_output"; exit 1; }
  echo "backrelief(3)'s example: built and ran, Swedish massage first"
fi
