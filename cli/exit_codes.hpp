#pragma once

namespace schemerge::cli {

// One table of exit codes for every command (documented in the README).
enum ExitCode : int {
    k_exit_ok = 0,           // success; for comparisons: no differences
    k_exit_different = 1,    // comparisons: differences found / verification failed
    k_exit_input_error = 2,  // usage error, unreadable or invalid input
    k_exit_internal = 3,     // a bug in schemerge
    // 128 + signal number: interrupted (SIGINT 130, SIGTERM 143), after cleaning up
};

}  // namespace schemerge::cli
