#pragma once
#include <string_view>

#include "synth/plan.hpp"

// MySQL's (and MariaDB's) own hazard ids: what its online DDL algorithms and its
// non-transactional DDL do. The neutral ids (synth/plan.hpp) are reachable under the same
// prefix, so the planner writes hazard::k_data_loss and hazard::k_copy_algorithm alike.
namespace schemerge::synth::mysql::hazard {

using namespace synth::hazard;  // NOLINT: the neutral ids under the same prefix

// The statement needs ALGORITHM=COPY (type changes, a foreign key added while
// foreign_key_checks is on, CHECK constraints, charset conversion, ENGINE): the table is
// copied row by row and concurrent writes wait until it is done.
inline constexpr std::string_view k_copy_algorithm = "copy-algorithm";
// An object is dropped and created again by two statements that each commit: in between
// it does not exist (routines and triggers have no CREATE OR REPLACE in MySQL 8).
inline constexpr std::string_view k_recreated_non_atomically = "recreated-non-atomically";

// MySQL's ids with their descriptions, for Dialect::hazards (reports, SARIF rules,
// [check] fail_on); synth::hazard::catalog() puts them in report order.
inline constexpr Description k_mysql[] = {
    {k_copy_algorithm, "The statement needs ALGORITHM=COPY: the table is copied and concurrent writes wait.",
     Group::locking},
    {k_recreated_non_atomically,
     "The object is dropped and created again by two statements that each commit: in between it does not exist.",
     Group::recreation},
};

}  // namespace schemerge::synth::mysql::hazard
