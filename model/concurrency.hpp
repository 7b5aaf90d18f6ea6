#pragma once
#include <future>
#include <thread>

namespace schemerge::model {

// How work that may take a second thread is started (std::async's policy): on a thread of
// its own where the machine has more than one core, otherwise deferred to the thread that
// waits for it. `threads` follows parser::LoadOptions::threads: 1 = never a second thread,
// anything else = as the machine allows.
[[nodiscard]] inline std::launch launch_policy(unsigned threads = 0) {
    return threads != 1 && std::thread::hardware_concurrency() > 1 ? std::launch::async : std::launch::deferred;
}

}  // namespace schemerge::model
