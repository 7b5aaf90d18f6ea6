#pragma once

namespace schemerge::model {
class DependencyGraph;
}

namespace schemerge::synth {

// What a canonical dump reproduces besides the definitions themselves (every dialect's
// emitter takes these).
struct EmitOptions {
    bool owners = true;      // ownership statements
    bool privileges = true;  // grants
    bool comments = true;    // comments
    // DependencyGraph::build of the schema being dumped, when the caller has it already (a
    // merge's plans built the merged schema's): an emitter that orders by the graph takes
    // it instead of building its own. Null: built when needed.
    const model::DependencyGraph* graph = nullptr;
};

}  // namespace schemerge::synth
