# `cpack` in a build directory makes a Debian package of what `cmake --install` places.
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
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "wordnet-base")
# The word lists make misspelling detection sharper; backrelief works without them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "wamerican, wbritish")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, jq")
include(CPack)
