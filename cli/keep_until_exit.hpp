#pragma once
#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>
#include <vector>

namespace schemerge::cli {

// Hands a command's large objects (loaded models, plans) to the end of the process instead
// of destroying them when the command returns: the operating system takes a process's
// memory back at once, while freeing a 10,000-table model node by node costs a few tenths
// of a second of a run (clang's -disable-free, for the same reason). Call it only once the
// command's output is written; the objects stay reachable (no leak reports) until exit.
template <class T>
void keep_until_exit(T&& object) {
    static std::mutex mutex;
    static auto* kept = new std::vector<std::shared_ptr<void>>();  // never destroyed, on purpose
    auto holder = std::make_shared<std::decay_t<T>>(std::forward<T>(object));
    std::lock_guard lock(mutex);
    kept->push_back(std::move(holder));
}

}  // namespace schemerge::cli
