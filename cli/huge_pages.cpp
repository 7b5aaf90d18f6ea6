#include "cli/huge_pages.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include <unistd.h>

namespace schemerge::cli {

namespace {

constexpr const char* k_tunables = "GLIBC_TUNABLES";
constexpr const char* k_hugetlb = "glibc.malloc.hugetlb=1";
// Set for the second run: the caller's GLIBC_TUNABLES after a '=', or "-" when it was unset.
constexpr const char* k_saved = "SCHEMERGE_SAVED_GLIBC_TUNABLES";

bool kernel_wants_madvise() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string modes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return modes.find("[madvise]") != std::string::npos;
}

}  // namespace

void use_huge_pages(char** argv) {
    if (const char* saved = std::getenv(k_saved); saved != nullptr) {
        // The second run: glibc has read the tunable; give children the caller's value.
        const std::string value = saved;
        unsetenv(k_saved);
        if (value.starts_with('=')) {
            setenv(k_tunables, value.c_str() + 1, 1);
        } else {
            unsetenv(k_tunables);
        }
        return;
    }
    if (const char* off = std::getenv("SCHEMERGE_NO_HUGE_PAGES"); off != nullptr && *off != '\0' && *off != '0') {
        return;
    }
    const char* current = std::getenv(k_tunables);
    const std::string tunables = current != nullptr ? current : "";
    if (tunables.find("glibc.malloc.hugetlb") != std::string::npos || !kernel_wants_madvise()) {
        return;  // the caller chose, or the kernel would not use them
    }
    const std::string saved = current != nullptr ? "=" + tunables : "-";
    const std::string wanted = tunables.empty() ? k_hugetlb : tunables + ":" + k_hugetlb;
    if (setenv(k_saved, saved.c_str(), 1) != 0 || setenv(k_tunables, wanted.c_str(), 1) != 0) {
        return;
    }
    execv("/proc/self/exe", argv);
    // Not executed (no /proc, …): run on as we are, with the environment as it was.
    unsetenv(k_saved);
    if (current != nullptr) {
        setenv(k_tunables, tunables.c_str(), 1);
    } else {
        unsetenv(k_tunables);
    }
}

}  // namespace schemerge::cli
