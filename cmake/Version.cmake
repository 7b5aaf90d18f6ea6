# `schemerge --version`: the project version and the git commit the binary was built from.
#
# A header, schemerge_version.hpp, is written into the build tree at every build (not only
# at configure time, so the commit never goes stale) by write_version.cmake; it is
# rewritten only when its text changes, so an unchanged commit recompiles nothing.
# Outside a git checkout (a source tarball) the commit is SCHEMERGE_GIT_COMMIT, or
# "unknown". A checkout with uncommitted changes to tracked files gets "-dirty".

set(SCHEMERGE_GIT_COMMIT "" CACHE STRING
    "commit reported by --version when the source is not a git checkout (default: unknown)")
find_package(Git QUIET)

set(SCHEMERGE_GENERATED_DIR ${PROJECT_BINARY_DIR}/generated)
add_custom_target(schemerge_version
  COMMAND ${CMAKE_COMMAND}
          -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
          -DOUTPUT=${SCHEMERGE_GENERATED_DIR}/schemerge_version.hpp
          -DVERSION=${PROJECT_VERSION}
          -DGIT_EXECUTABLE=${GIT_EXECUTABLE}
          -DFALLBACK_COMMIT=${SCHEMERGE_GIT_COMMIT}
          -P ${CMAKE_CURRENT_LIST_DIR}/write_version.cmake
  BYPRODUCTS ${SCHEMERGE_GENERATED_DIR}/schemerge_version.hpp
  COMMENT "schemerge_version.hpp (version and git commit)"
  VERBATIM)
add_dependencies(schemerge_cli schemerge_version)
target_include_directories(schemerge_cli PRIVATE ${SCHEMERGE_GENERATED_DIR})
