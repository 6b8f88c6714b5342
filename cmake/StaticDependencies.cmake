# BACKRELIEF_STATIC_DEPENDENCIES: put fmt (header-only), yaml-cpp, libstemmer, utf8proc, libstdc++
# and libgcc inside the binary, leaving only glibc shared. A short run of backrelief is mostly process
# start-up, and each shared library costs an open, mappings, relocations and page faults
# (docs/performance.md, Cold start). glibc stays shared: a static glibc breaks NSS and makes the
# first thrown exception sort every unwind entry.
#
# Defines backrelief::fmt, backrelief::yaml-cpp, backrelief::stemmer and backrelief::utf8proc for
# the targets to link.
if(BACKRELIEF_STATIC_DEPENDENCIES)
  add_library(backrelief::fmt ALIAS fmt::fmt-header-only)
  find_library(BACKRELIEF_YAML_CPP_ARCHIVE NAMES libyaml-cpp.a REQUIRED)
  find_library(BACKRELIEF_STEMMER_ARCHIVE NAMES libstemmer.a REQUIRED)
  add_library(backrelief_yaml_cpp_static STATIC IMPORTED)
  set_target_properties(backrelief_yaml_cpp_static PROPERTIES
    IMPORTED_LOCATION "${BACKRELIEF_YAML_CPP_ARCHIVE}"
    INTERFACE_INCLUDE_DIRECTORIES "$<TARGET_PROPERTY:yaml-cpp,INTERFACE_INCLUDE_DIRECTORIES>")
  add_library(backrelief::yaml-cpp ALIAS backrelief_yaml_cpp_static)
  add_library(backrelief_stemmer_static STATIC IMPORTED)
  set_target_properties(backrelief_stemmer_static PROPERTIES
    IMPORTED_LOCATION "${BACKRELIEF_STEMMER_ARCHIVE}"
    INTERFACE_INCLUDE_DIRECTORIES "${Stemmer_INCLUDE_DIR}")
  add_library(backrelief::stemmer ALIAS backrelief_stemmer_static)
  find_library(BACKRELIEF_UTF8PROC_ARCHIVE NAMES libutf8proc.a REQUIRED)
  add_library(backrelief_utf8proc_static STATIC IMPORTED)
  set_target_properties(backrelief_utf8proc_static PROPERTIES
    IMPORTED_LOCATION "${BACKRELIEF_UTF8PROC_ARCHIVE}"
    INTERFACE_INCLUDE_DIRECTORIES "${Utf8proc_INCLUDE_DIR}"
    INTERFACE_COMPILE_DEFINITIONS UTF8PROC_STATIC)
  add_library(backrelief::utf8proc ALIAS backrelief_utf8proc_static)
  add_link_options(-static-libstdc++ -static-libgcc)
else()
  add_library(backrelief::fmt ALIAS fmt::fmt)
  add_library(backrelief::yaml-cpp ALIAS yaml-cpp)
  add_library(backrelief::stemmer ALIAS Stemmer::Stemmer)
  add_library(backrelief::utf8proc ALIAS Utf8proc::Utf8proc)
endif()
