# The library as C++ programs find it: headers under include/backrelief, libbackrelief.a (and
# libbackrelief.so.MAJOR with BACKRELIEF_SHARED_LIBRARY), a CMake package for find_package() and a
# pkg-config file. All of it is the `dev` install component, which CPack makes the backrelief-dev
# package (Packaging.cmake); everything else is the `runtime` component, the backrelief package.
include(CMakePackageConfigHelpers)

set(backrelief_library_targets backrelief_library)
if(BACKRELIEF_SHARED_LIBRARY)
  list(APPEND backrelief_library_targets backrelief_shared)
endif()
install(TARGETS ${backrelief_library_targets} EXPORT backreliefTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev)
install(DIRECTORY include/backrelief DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev
  FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/include/backrelief/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/backrelief COMPONENT dev)

set(backrelief_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/backrelief)
install(EXPORT backreliefTargets NAMESPACE backrelief:: DESTINATION ${backrelief_cmake_dir} COMPONENT dev)
set(BACKRELIEF_RULES_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/backrelief/rules)
configure_package_config_file(cmake/backreliefConfig.cmake.in
  ${PROJECT_BINARY_DIR}/backreliefConfig.cmake
  INSTALL_DESTINATION ${backrelief_cmake_dir}
  PATH_VARS BACKRELIEF_RULES_INSTALL_DIR)
# Before 1.0 a minor release may change the API (semantic versioning, README "Embedding").
write_basic_package_version_file(${PROJECT_BINARY_DIR}/backreliefConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/backreliefConfig.cmake ${PROJECT_BINARY_DIR}/backreliefConfigVersion.cmake
  DESTINATION ${backrelief_cmake_dir} COMPONENT dev)

set(BACKRELIEF_PC_SANITIZER_FLAGS "")
if(BACKRELIEF_SANITIZER_LINK_FLAGS)
  set(BACKRELIEF_PC_SANITIZER_FLAGS " ${BACKRELIEF_SANITIZER_LINK_FLAGS}")
endif()
file(RELATIVE_PATH BACKRELIEF_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" BACKRELIEF_PC_TO_PREFIX "${BACKRELIEF_PC_TO_PREFIX}")
configure_file(cmake/backrelief.pc.in ${PROJECT_BINARY_DIR}/backrelief.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/backrelief.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
