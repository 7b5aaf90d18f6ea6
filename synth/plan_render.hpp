#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "synth/plan.hpp"

namespace schemerge::synth {

// A run of consecutive steps of a plan that execute the same way.
struct PlanSection {
    enum class Kind : unsigned char {
        before_transaction,  // non-transactional steps before the first transactional one, each on its own
        transaction,         // one transaction
        after_transaction,   // non-transactional steps after a transaction, each on its own
        autocommit,          // an engine without transactional DDL: every step commits on its own
    };
    Kind kind = Kind::transaction;
    std::size_t begin = 0;  // index of the first step
    std::size_t end = 0;    // one past the last
};

// The plan's steps cut into sections (plan.hpp): runs of equal `transactional` in order,
// or one autocommit section when the plan says the engine has no transactional DDL.
// Renderers and `verify` read the same cut.
[[nodiscard]] std::vector<PlanSection> sections(const Plan& plan);

// How a dialect writes the frame of a plan script; render_script() does the rest.
struct ScriptStyle {
    std::string_view comment = "-- ";       // starts a comment line
    std::string_view terminator = ";";      // ends a statement
    std::string_view begin = "BEGIN";       // opens a transaction section
    std::string_view commit = "COMMIT";     // closes it
    std::string_view title = "schemerge migration plan";
    std::string_view identical = "The schemas are identical: nothing to do.";
    // Headings of the sections that run outside a transaction.
    std::string_view before_transaction = "outside a transaction:";
    std::string_view after_transaction = "after the transaction:";
    std::string_view autocommit = "each step commits on its own:";
};

// The plan as a script: the title, the notes, then each section (a transaction between
// `begin` and `commit`, the others under their heading), each step preceded by a
// comment naming its change and hazards. An empty plan is a comment saying the schemas
// are identical.
[[nodiscard]] std::string render_script(const Plan& plan, const ScriptStyle& style);

}  // namespace schemerge::synth
