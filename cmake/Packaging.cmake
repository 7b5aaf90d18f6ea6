# Install rules and the Debian package. Included from the top-level CMakeLists.txt after
# the cli/ target exists.
#
#   cmake --build build --target package     # build/schemerge_<version>_<arch>.deb
#   scripts/package.sh                       # the same in its own Release tree
#
# The package holds /usr/bin/schemerge, a man page per command (generated from --help
# and docs/man/ at build time, see docs/man/README.md), bash completion (generated from
# --help too), and the README. Its Depends are computed by dpkg-shlibdeps from the
# shared libraries the binary links: runtime packages only, never -dev ones.
include(GNUInstallDirs)

# --- man pages and bash completion, from the binary's own --help ---------------------------
# Debian's python3 (standard library only) before any other on PATH (pyenv and the like).
find_program(SCHEMERGE_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
find_program(SCHEMERGE_PYTHON3 NAMES python3)
set(SCHEMERGE_MAN_DIR ${PROJECT_BINARY_DIR}/man)
set(SCHEMERGE_COMPLETION ${PROJECT_BINARY_DIR}/completion/schemerge)
if(SCHEMERGE_PYTHON3)
  file(GLOB SCHEMERGE_MAN_PROSE CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/man/*.md)
  set(cli_docs ${PROJECT_SOURCE_DIR}/packaging/cli_docs.py)
  add_custom_command(
    OUTPUT ${SCHEMERGE_MAN_DIR}/.stamp ${SCHEMERGE_COMPLETION}
    COMMAND ${SCHEMERGE_PYTHON3} ${cli_docs} man $<TARGET_FILE:schemerge>
            ${PROJECT_SOURCE_DIR}/docs/man ${SCHEMERGE_MAN_DIR} --source-dir ${PROJECT_SOURCE_DIR}
    COMMAND ${SCHEMERGE_PYTHON3} ${cli_docs} completion $<TARGET_FILE:schemerge> ${SCHEMERGE_COMPLETION}
    # The generator rewrites files only when their text changes; the outputs are touched
    # so that the build knows they are up to date.
    COMMAND ${CMAKE_COMMAND} -E touch ${SCHEMERGE_MAN_DIR}/.stamp ${SCHEMERGE_COMPLETION}
    DEPENDS schemerge ${cli_docs} ${SCHEMERGE_MAN_PROSE}
    COMMENT "man pages and bash completion from schemerge --help"
    VERBATIM)
  add_custom_target(schemerge_docs ALL DEPENDS ${SCHEMERGE_MAN_DIR}/.stamp ${SCHEMERGE_COMPLETION})
else()
  message(WARNING "python3 not found: no man pages or bash completion (scripts/setup.sh installs python3)")
endif()

# --- install rules -------------------------------------------------------------------------
install(TARGETS schemerge RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(SCHEMERGE_PYTHON3)
  install(DIRECTORY ${SCHEMERGE_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
          FILES_MATCHING PATTERN "*.1.gz")
  install(FILES ${SCHEMERGE_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
endif()
# Debian policy 12.3: documentation larger than 4 kB is installed gzipped.
set(readme_gz ${PROJECT_BINARY_DIR}/packaging/README.md.gz)
add_custom_command(
  OUTPUT ${readme_gz}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/packaging
  COMMAND sh -c "gzip -9nc \"$0\" > \"$1\"" ${PROJECT_SOURCE_DIR}/README.md ${readme_gz}
  DEPENDS ${PROJECT_SOURCE_DIR}/README.md
  VERBATIM)
add_custom_target(schemerge_readme ALL DEPENDS ${readme_gz})
install(FILES ${readme_gz} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

# --- CPack: the Debian package ---------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME schemerge)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "schemerge")
set(CPACK_PACKAGE_CONTACT "schemerge maintainers <schemerge@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "schema diff, three-way merge and migration synthesis for database branches")
# The control file's long description: lines under 80 columns (CPack indents each by one).
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "schemerge folds database schema changes between git branches the way git"
  "folds code: DDL from each branch (a structure.sql, a pg_dump --schema-only,"
  "a directory of migrations) is parsed into one schema model, three-way diffed"
  "against the merge base, and turned into conflict-checked migration scripts"
  "and reports."
  "Commands: dump, diff, verify, merge, fold, check (a pull-request gate for"
  "CI) and merge-driver (semantic merges inside git merge). PostgreSQL today.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)                # schemerge_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends from the ELF's NEEDED libraries (dpkg-shlibdeps, from dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# `verify` runs a PostgreSQL server when one is installed; the other commands need none.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql, mariadb-server, git, man-db")
set(CPACK_STRIP_FILES ON)                              # the binary, without its debug info
set(CPACK_PACKAGE_CHECKSUM SHA256)
# Files are installed under /usr; CPack's own staging, not CMAKE_INSTALL_PREFIX.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
