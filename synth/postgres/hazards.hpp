#pragma once
#include <span>
#include <string_view>

#include "synth/plan.hpp"

// PostgreSQL's own hazard ids: what its lock modes and index builds do, which other
// engines do differently (MySQL's online DDL, SQLite's database lock). The neutral ids
// (synth/plan.hpp) are reachable under the same prefix, so the planner writes
// hazard::k_data_loss and hazard::k_access_exclusive_lock alike.
namespace schemerge::synth::postgres::hazard {

using namespace synth::hazard;  // NOLINT: the neutral ids under the same prefix

inline constexpr std::string_view k_access_exclusive_lock = "access-exclusive-lock";
inline constexpr std::string_view k_blocking_index_build = "blocking-index-build";  // CREATE INDEX without CONCURRENTLY

// PostgreSQL's ids with their descriptions, for Dialect::hazards (reports, SARIF rules,
// [check] fail_on); synth::hazard::catalog() puts them in report order.
inline constexpr Description k_postgres[] = {
    {k_access_exclusive_lock, "The step takes an ACCESS EXCLUSIVE lock.", Group::locking},
    {k_blocking_index_build, "The index is built without CONCURRENTLY and blocks writes.", Group::locking},
};

}  // namespace schemerge::synth::postgres::hazard
