#include <exception>
#include <iostream>

#include "cli/app.hpp"
#include "cli/exit_codes.hpp"
#include "cli/huge_pages.hpp"

// The single top-level catch: anything escaping here is a bug in schemerge.
int main(int argc, char** argv) {
    schemerge::cli::use_huge_pages(argv);
    try {
        return schemerge::cli::run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "schemerge: internal error: " << e.what() << '\n';
    } catch (...) {
        std::cerr << "schemerge: internal error\n";
    }
    return schemerge::cli::k_exit_internal;
}
