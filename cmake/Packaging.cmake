# `cpack` in a build directory makes two Debian packages of what `cmake --install` places: backrelief
# (the `runtime` component: the command, its rules, manuals and completions) and backrelief-dev
# (the `dev` component: the headers, libbackrelief.a and the files find_package and pkg-config
# read). The library is a package of its own, as Debian's -dev packages are, because its users
# are few and need more: a clinic's intake system links it, with the -dev packages of the
# libraries it uses; a person who types `backrelief recommend` needs neither.
# Its libraries' dependencies are read from the binary by dpkg-shlibdeps, never written by hand;
# the one data package the shipped rules read (WordNet, for word sets that name a sense) is named
# here, and CPack adds the libraries after it.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "backrelief")
set(CPACK_PACKAGE_VENDOR "backrelief maintainers")
set(CPACK_PACKAGE_CONTACT "backrelief maintainers <maintainers@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "suggests massage techniques for chronic back pain, with reasons")
set(CPACK_PACKAGE_DESCRIPTION
  "backrelief ranks deep tissue, Swedish, neuromuscular and myofascial massage for a person's\n"
  "back pain from a described pain and preferences, with the reasons, cautions and aftercare.\n"
  "Red flags mean: see a clinician. It does not diagnose.")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME "backrelief")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "wordnet-base")
# The word lists make misspelling detection sharper; backrelief works without them.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "wamerican, wbritish")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SUGGESTS "bash-completion, jq")
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}\n${CPACK_PACKAGE_DESCRIPTION}")

# The library reads the shipped rules and WordNet as the command does, so it needs the package
# that installs them, at the same version; a program links libbackrelief.a with the libraries
# it was built with.
set(CPACK_DEBIAN_DEV_PACKAGE_NAME "backrelief-dev")
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION "libdevel")
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
  "backrelief (= ${PROJECT_VERSION}), libfmt-dev, libyaml-cpp-dev, libstemmer-dev, libutf8proc-dev")
set(CPACK_COMPONENT_DEV_DESCRIPTION
  "backrelief as a C++ library: headers, static library, CMake package and pkg-config file\n"
  "Programs that embed backrelief load its rules once and ask for recommendations from any\n"
  "number of threads, as data or as the JSON the backrelief command prints.")
include(CPack)
