#!/bin/sh
# Builds a libFuzzer target with clang and runs it for a while.
#   run-fuzzer.sh SOURCE_ROOT BUILD_ROOT SECONDS [TARGET]
# TARGET is loader (the default), render, csv, mermaid or image:
# tests/fuzz/fuzz-TARGET.c, with its seeds in tests/fuzz/seeds (loader and
# render, which also starts from the samples) or tests/fuzz/seeds-TARGET.
# The working corpus lives in the build tree; the seeds in the repository.
# Each target has a dictionary (json.dict for the loader and the render
# target, csv.dict, mermaid.dict) with the tokens that reach past the
# parsers' pre-checks: comments, quotes, escapes, long numbers.
# Prints TAP, and skips when clang or its fuzzer runtime is missing.
set -eu

src=$1
build=$2
seconds=$3
target=${4:-loader}
work="$build/tests/fuzz/$target"
packages="gio-2.0 gio-unix-2.0 json-glib-1.0"
dict="$src/tests/fuzz/$target.dict"
# Inputs up to 1 MiB: a file that hides its nesting behind comments or
# quotes needs hundreds of kilobytes of brackets to exhaust the stack of a
# recursive parser, and libFuzzer cuts every input, seeds included, to
# -max_len. (The loader refuses nesting past 64 levels.)
max_len=1048576
case $target in
  loader)
    seeds="$src/tests/fuzz/seeds $src/tests/malformed"
    dict="$src/tests/fuzz/json.dict"
    ;;
  render)
    dict="$src/tests/fuzz/json.dict"
    seeds="$src/tests/fuzz/seeds $src/data/samples $src/data/templates"
    # The render layer, and what it draws with.
    packages="$packages pangocairo cairo-pdf cairo-svg gdk-pixbuf-2.0 libpng"
        ;;
  image)
    # The picture probe, checked against the decoders it guards.
    seeds="$src/tests/fuzz/seeds-image"
    packages="$packages gdk-pixbuf-2.0"
    ;;
  *) seeds="$src/tests/fuzz/seeds-$target" ;;
esac

if ! command -v clang >/dev/null 2>&1; then
  echo "1..0 # SKIP clang is not installed"
  exit 0
fi

mkdir -p "$work/corpus"
defines="-DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74"
includes="-I$build -I$build/src/core -I$src/src/core -I$src/src/io -I$src/src/render"

# Compiles a layer's sources into one archive that every target links:
# four targets share the core and io code and one adds render, so
# compiling each layer once, not once per target, saves minutes of the
# suite. The lock lets targets that run in parallel wait for the first
# one; an archive newer than every source and header of its layers is
# kept. Instrumented for coverage (fuzzer-no-link) like the target.
build_archive() {
  archive=$1
  shift
  (
    flock 9
    if [ -f "$archive" ] && [ -z "$(find "$@" "$build/src/core" -newer "$archive" -name '*.[ch]' | head -n 1)" ]; then
      exit 0
    fi
    objects="$archive.objects"
    rm -rf "$objects"
    mkdir -p "$objects"
    # shellcheck disable=SC2046,SC2086 # pkg-config output and the flags are meant to split
    find "$@" -maxdepth 1 -name '*.c' -print | xargs -P "$(nproc)" -I SOURCE sh -c \
      'clang -c -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined '"$defines $includes $(pkg-config --cflags $packages)"' "$1" -o "$2/$(basename "$1" .c).o"' \
      sh SOURCE "$objects" || exit 1
    rm -f "$archive"
    ar rcs "$archive" "$objects"/*.o
  ) 9>"$archive.lock"
}

shared="$build/tests/fuzz"
archives="$shared/libfuzz-core-io.a"
if ! build_archive "$shared/libfuzz-core-io.a" "$src/src/core" "$src/src/io" 2>"$work/build.log"; then
  build_failed=1
elif [ "$target" = render ] && ! build_archive "$shared/libfuzz-render.a" "$src/src/render" 2>"$work/build.log"; then
  build_failed=1
else
  [ "$target" = render ] && archives="$shared/libfuzz-render.a $archives"
  build_failed=0
  # shellcheck disable=SC2046,SC2086 # pkg-config output and the lists are meant to split
  clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined $defines $includes \
      $(pkg-config --cflags $packages) \
      "$src/tests/fuzz/fuzz-$target.c" $archives "$build/src/core/wm-enum-types.c" \
      $(pkg-config --libs $packages) -lm \
      -o "$work/fuzz-$target" 2>"$work/build.log" || build_failed=1
fi
if [ "$build_failed" = 1 ]; then
  if grep -q "libclang_rt.fuzzer\|fuzzer.*not found\|cannot find" "$work/build.log"; then
    echo "1..0 # SKIP clang's fuzzer runtime (libclang-rt-dev) is not installed"
    exit 0
  fi
  cat "$work/build.log" >&2
  echo "1..1"
  echo "not ok 1 - the fuzz target does not build"
  exit 1
fi

echo "1..1"
# shellcheck disable=SC2086 # $seeds is a list of folders
# Fontconfig keeps what it allocates; the suite's suppressions say so.
if ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$src/tests/lsan.supp" "$work/fuzz-$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
     -dict="$dict" -rss_limit_mb=2048 -artifact_prefix="$work/" "$work/corpus" $seeds >"$work/fuzz.log" 2>&1; then
  echo "ok 1 - $(grep -c '' "$work/fuzz.log") lines of log, $(grep '^Done' "$work/fuzz.log" | tail -n 1)"
else
  tail -n 40 "$work/fuzz.log" >&2
  echo "not ok 1 - the $target target crashed, hung or leaked; the input is in $work"
  exit 1
fi
