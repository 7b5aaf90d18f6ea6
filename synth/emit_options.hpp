#pragma once

namespace schemerge::synth {

// What a canonical dump reproduces besides the definitions themselves (every dialect's
// emitter takes these).
struct EmitOptions {
    bool owners = true;      // ownership statements
    bool privileges = true;  // grants
    bool comments = true;    // comments
};

}  // namespace schemerge::synth
