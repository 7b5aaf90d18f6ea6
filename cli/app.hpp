#pragma once

namespace schemerge::cli {

// The whole program: parses arguments, runs the subcommand, returns the exit code.
[[nodiscard]] int run(int argc, char** argv);

}  // namespace schemerge::cli
