// Renames in a merge: each side's hinted renames (the two-way diff's rename_* changes)
// are applied to the base and to the other side before merging, so a table renamed on
// one side and changed on the other meets under its new name and takes both changes.
#include <set>

#include "diff/merge_context.hpp"
#include "model/schema_edits.hpp"

namespace schemerge::diff::detail {

SideRenames collect_renames(const model::Schema& base, const model::Schema& side_schema, const DiffOptions& options) {
    SideRenames out;
    // Renames come only from hints (rename.cpp): without one, the diff (a quarter of a
    // large merge's own work) would find none.
    if (rename_hints(side_schema, options).empty()) {
        return out;
    }
    DiffResult result = diff(base, side_schema, options);
    std::map<model::QualifiedName, model::QualifiedName> new_to_old;
    for (const auto& c : result.changes.changes) {
        if (c.kind == ChangeKind::rename_table) {
            model::QualifiedName now{c.key.schema, c.key.name};
            model::QualifiedName old{c.key.schema, c.old_name};
            out.tables.emplace_back(old, now);
            new_to_old[now] = old;
        } else if (c.kind == ChangeKind::rename_index) {
            out.indexes.emplace_back(model::QualifiedName{c.key.schema, c.old_name},
                                     model::QualifiedName{c.key.schema, c.key.name});
        }
    }
    auto old_table = [&](const model::ObjectKey& key) {
        model::QualifiedName now{key.schema, key.table};
        auto it = new_to_old.find(now);
        return it == new_to_old.end() ? now : it->second;
    };
    for (const auto& c : result.changes.changes) {
        if (c.kind == ChangeKind::rename_column) {
            out.columns.push_back({{old_table(c.key), c.old_name}, c.key.name});
        } else if (c.kind == ChangeKind::rename_constraint) {
            out.constraints.push_back({{old_table(c.key), c.old_name}, c.key.name});
        }
    }
    return out;
}

namespace {

// A rename the schema cannot take (its object is gone on this side, or the name is taken
// by an object of its kind) is left out: the merge reports what that means.
template <typename Edit>
void try_edit(Edit edit) {
    try {
        edit();
    } catch (const model::EditError&) {
    }
}

}  // namespace

void apply_renames(model::Schema& schema, const SideRenames& renames) {
    using model::NameCollisions;
    std::map<model::QualifiedName, model::QualifiedName> table_new;
    for (const auto& [from, to] : renames.tables) {
        try_edit([&] { model::rename_table(schema, from, to, NameCollisions::same_kind); });
        table_new[from] = to;
    }
    auto current = [&](const model::QualifiedName& base_name) {
        auto it = table_new.find(base_name);
        return it == table_new.end() ? base_name : it->second;
    };
    for (const auto& [from, to] : renames.columns) {
        try_edit([&] { model::rename_column(schema, current(from.first), from.second, to); });
    }
    for (const auto& [from, to] : renames.constraints) {
        try_edit([&] { model::rename_constraint(schema, current(from.first), from.second, to); });
    }
    for (const auto& [from, to] : renames.indexes) {
        try_edit([&] { model::rename_index(schema, from, to.name, NameCollisions::same_kind); });
    }
}

namespace {

// Drops from both lists the renames of one old name to different new names, reporting them.
template <typename Old, typename New, typename KeyOf>
void reconcile(MergeContext& ctx, std::vector<std::pair<Old, New>>& ours, std::vector<std::pair<Old, New>>& theirs,
               KeyOf key_of_old, const std::function<std::string(const New&)>& text) {
    std::vector<std::pair<Old, New>> keep_ours;
    std::set<Old> conflicted;
    for (const auto& o : ours) {
        bool conflict = false;
        for (const auto& t : theirs) {
            if (t.first == o.first && !(t.second == o.second)) {
                conflict = true;
                if (ctx.preference_for(key_of_old(o.first)) == Preference::theirs) {
                    break;
                }
                if (ctx.preference_for(key_of_old(o.first)) == Preference::none) {
                    ctx.report(ConflictKind::both_modified, key_of_old(o.first), "name", side(std::nullopt, {}),
                               side(text(o.second), {}), side(text(t.second), {}),
                               "Both sides renamed " + display_name(key_of_old(o.first)) + " to different names.",
                               "Rename it the same way on both sides.");
                }
                conflicted.insert(o.first);
            }
        }
        if (!conflict || ctx.preference_for(key_of_old(o.first)) == Preference::ours) {
            keep_ours.push_back(o);
        }
    }
    std::vector<std::pair<Old, New>> keep_theirs;
    for (const auto& t : theirs) {
        if (!conflicted.contains(t.first) || ctx.preference_for(key_of_old(t.first)) == Preference::theirs) {
            keep_theirs.push_back(t);
        }
    }
    ours = std::move(keep_ours);
    theirs = std::move(keep_theirs);
}

}  // namespace

namespace {

// The name a side gives a base table (its own table renames applied).
model::QualifiedName side_table_name(const SideRenames& renames, const model::QualifiedName& base_name) {
    for (const auto& [from, to] : renames.tables) {
        if (from == base_name) {
            return to;
        }
    }
    return base_name;
}

template <typename Old, typename New>
bool renames_to(const std::vector<std::pair<Old, New>>& renames, const Old& from, const New& to) {
    return std::find(renames.begin(), renames.end(), std::pair<Old, New>{from, to}) != renames.end();
}

// Both sides renamed different objects to one name: reported once, from ours' renames.
bool reported_from_ours(const std::vector<std::pair<model::QualifiedName, model::QualifiedName>>& other_renames,
                        const model::QualifiedName& to, bool renamer_is_ours) {
    return !renamer_is_ours && std::any_of(other_renames.begin(), other_renames.end(),
                                           [&](const auto& r) { return r.second == to; });
}
// Table-scoped: the same table's objects only.
bool reported_from_ours(const std::vector<std::pair<std::pair<model::QualifiedName, std::string>, std::string>>& other_renames,
                        const std::pair<model::QualifiedName, std::string>& from, const std::string& to,
                        bool renamer_is_ours) {
    return !renamer_is_ours && std::any_of(other_renames.begin(), other_renames.end(), [&](const auto& r) {
               return r.first.first == from.first && r.second == to;
           });
}

struct Collision {
    model::ObjectKey key;        // the name both objects end up with
    std::string renamed_text;    // "column a renamed to b"
    model::SourceLocation renamed_at;
    std::string added_text;      // "new column b"
    model::SourceLocation added_at;
    std::string what;            // "column", "table", ...
};

void report_collision(MergeContext& ctx, const Collision& c, bool renamer_is_ours) {
    SideValue renamed = side(c.renamed_text, c.renamed_at);
    SideValue added = side(c.added_text, c.added_at);
    const char* renamer = renamer_is_ours ? "Ours" : "Theirs";
    const char* adder = renamer_is_ours ? "theirs" : "ours";
    ctx.report(ConflictKind::name_collision, c.key, "name", side(std::nullopt, {}), renamer_is_ours ? renamed : added,
               renamer_is_ours ? added : renamed,
               std::string(renamer) + " " + c.renamed_text + " while " + adder + " adds a different " + c.what +
                   " named " + display_name(c.key) + ": the merge would make them one " + c.what + ".",
               "Rename one of the two on its side (or drop the rename), so that each " + c.what +
                   " keeps a name of its own.");
}

// One side's renames against the other side's new objects; returns the colliding renames.
SideRenames collisions(MergeContext& ctx, const model::Schema& base, const model::Schema& renamer,
                       const SideRenames& renames, const model::Schema& other, const SideRenames& other_renames,
                       bool renamer_is_ours) {
    SideRenames out;
    // Tables: the other side added a table under the new name.
    for (const auto& [from, to] : renames.tables) {
        const model::Table* added = find_in(other.tables, to);
        const model::Table* renamed = find_in(renamer.tables, to);
        if (added == nullptr || renamed == nullptr || base.tables.contains(to) || renames_to(other_renames.tables, from, to) ||
            reported_from_ours(other_renames.tables, to, renamer_is_ours)) {
            continue;
        }
        report_collision(ctx,
                         Collision{key_of(*renamed), "renames table " + from.to_string() + " to " + to.to_string(),
                                   renamed->meta.location, "new table " + to.to_string(), added->meta.location,
                                   "table"},
                         renamer_is_ours);
        out.tables.emplace_back(from, to);
    }
    for (const auto& [from, to] : renames.indexes) {
        const model::Index* added = find_in(other.indexes, to);
        const model::Index* renamed = find_in(renamer.indexes, to);
        if (added == nullptr || renamed == nullptr || base.indexes.contains(to) ||
            renames_to(other_renames.indexes, from, to) || reported_from_ours(other_renames.indexes, to, renamer_is_ours)) {
            continue;
        }
        report_collision(ctx,
                         Collision{key_of(*renamed), "renames index " + from.to_string() + " to " + to.to_string(),
                                   renamed->meta.location, "new index " + to.to_string(), added->meta.location,
                                   "index"},
                         renamer_is_ours);
        out.indexes.emplace_back(from, to);
    }
    // Columns and constraints: looked up on each side under that side's name of the table.
    auto tables = [&](const model::QualifiedName& base_table) {
        struct Three {
            const model::Table* base;
            const model::Table* renamer;
            const model::Table* other;
        };
        return Three{find_in(base.tables, base_table), find_in(renamer.tables, side_table_name(renames, base_table)),
                     find_in(other.tables, side_table_name(other_renames, base_table))};
    };
    for (const auto& [from, to] : renames.columns) {
        auto [bt, rt, ot] = tables(from.first);
        if (bt == nullptr || rt == nullptr || ot == nullptr || bt->find_column(to) != nullptr ||
            renames_to(other_renames.columns, from, to) || reported_from_ours(other_renames.columns, from, to, renamer_is_ours)) {
            continue;
        }
        const model::Column* added = ot->find_column(to);
        const model::Column* renamed = rt->find_column(to);
        if (added == nullptr || renamed == nullptr) {
            continue;
        }
        report_collision(ctx,
                         Collision{column_key(rt->name, to), "renames column " + from.first.to_string() + "." +
                                                                 from.second + " to " + to,
                                   renamed->meta.location, "new column " + value_text(*added), added->meta.location,
                                   "column"},
                         renamer_is_ours);
        out.columns.emplace_back(from, to);
    }
    for (const auto& [from, to] : renames.constraints) {
        auto [bt, rt, ot] = tables(from.first);
        if (bt == nullptr || rt == nullptr || ot == nullptr || bt->find_constraint(to) != nullptr ||
            renames_to(other_renames.constraints, from, to) ||
            reported_from_ours(other_renames.constraints, from, to, renamer_is_ours)) {
            continue;
        }
        const model::Constraint* added = ot->find_constraint(to);
        const model::Constraint* renamed = rt->find_constraint(to);
        if (added == nullptr || renamed == nullptr) {
            continue;
        }
        report_collision(ctx,
                         Collision{constraint_key(rt->name, to), "renames constraint " + from.second + " on " +
                                                                     from.first.to_string() + " to " + to,
                                   renamed->meta.location, "new constraint " + to + " " + value_text(*added),
                                   added->meta.location, "constraint"},
                         renamer_is_ours);
        out.constraints.emplace_back(from, to);
    }
    return out;
}

// A name one side renames away and the other side renames another object to (ours: a -> b,
// theirs: c -> a): applying ours' rename to theirs would take theirs' a (base c) for base's
// a. name-collision on the reused name; both renames are dropped.
void name_reuses(MergeContext& ctx, const model::Schema& renamer, const SideRenames& renames,
                 const model::Schema& other, const SideRenames& other_renames, bool renamer_is_ours,
                 SideRenames& drop, SideRenames& other_drop) {
    auto report = [&](const model::ObjectKey& key, const std::string& renamed_text, const model::SourceLocation& renamed_at,
                      const std::string& reused_text, const model::SourceLocation& reused_at, const std::string& what) {
        SideValue renamed = side(renamed_text, renamed_at);
        SideValue reused = side(reused_text, reused_at);
        const char* renamer_name = renamer_is_ours ? "Ours" : "Theirs";
        const char* other_name = renamer_is_ours ? "theirs" : "ours";
        ctx.report(ConflictKind::name_collision, key, "name", side(std::nullopt, {}), renamer_is_ours ? renamed : reused,
                   renamer_is_ours ? reused : renamed,
                   std::string(renamer_name) + " " + renamed_text + " while " + other_name + " " + reused_text +
                       ": the name " + display_name(key) + " stands for a different " + what + " on each side.",
                   "Rename the two " + what + "s the same way on both sides, or give " + other_name + "' " + what +
                       " another name.");
    };
    // The other side's object under the renamed-away name says it was renamed from another
    // name (a `renamed-from` annotation the two-way diff cannot apply, the name being the
    // base's too), or the other side's renames lead to that name.
    auto reused_from = [](const model::ObjectBase& meta, const std::string& name) {
        return !meta.renamed_from.empty() && meta.renamed_from != name ? meta.renamed_from : std::string{};
    };
    for (const auto& [from, to] : renames.tables) {
        std::vector<std::pair<model::QualifiedName, model::QualifiedName>> reusing;
        for (const auto& r : other_renames.tables) {
            if (r.second == from && r.first != from) {
                reusing.push_back(r);
            }
        }
        if (const model::Table* o = find_in(other.tables, from); reusing.empty() && o != nullptr) {
            if (auto old = reused_from(o->meta, from.name); !old.empty()) {
                reusing.emplace_back(model::QualifiedName{from.schema, old}, from);
            }
        }
        for (const auto& [other_from, other_to] : reusing) {
            const model::Table* r = find_in(renamer.tables, to);
            const model::Table* o = find_in(other.tables, other_to);
            report(model::ObjectKey{model::ObjectKind::table, from.schema, from.name, "", ""},
                   "renames table " + from.to_string() + " to " + to.to_string(),
                   r != nullptr ? r->meta.location : model::SourceLocation{},
                   "renames table " + other_from.to_string() + " to " + other_to.to_string(),
                   o != nullptr ? o->meta.location : model::SourceLocation{}, "table");
            drop.tables.emplace_back(from, to);
            other_drop.tables.emplace_back(other_from, other_to);
        }
    }
    for (const auto& [from, to] : renames.columns) {
        const model::Table* r = find_in(renamer.tables, side_table_name(renames, from.first));
        const model::Table* o = find_in(other.tables, side_table_name(other_renames, from.first));
        std::vector<std::pair<std::pair<model::QualifiedName, std::string>, std::string>> reusing;
        for (const auto& x : other_renames.columns) {
            if (x.first.first == from.first && x.second == from.second && x.first.second != from.second) {
                reusing.push_back(x);
            }
        }
        if (const model::Column* oc = o != nullptr ? o->find_column(from.second) : nullptr; reusing.empty() && oc) {
            if (auto old = reused_from(oc->meta, from.second); !old.empty()) {
                reusing.push_back({{from.first, old}, from.second});
            }
        }
        for (const auto& [other_from, other_to] : reusing) {
            const model::Column* rc = r != nullptr ? r->find_column(to) : nullptr;
            const model::Column* oc = o != nullptr ? o->find_column(other_to) : nullptr;
            report(column_key(from.first, from.second),
                   "renames column " + from.first.to_string() + "." + from.second + " to " + to,
                   rc != nullptr ? rc->meta.location : model::SourceLocation{},
                   "renames column " + from.first.to_string() + "." + other_from.second + " to " + other_to,
                   oc != nullptr ? oc->meta.location : model::SourceLocation{}, "column");
            drop.columns.emplace_back(from, to);
            other_drop.columns.emplace_back(other_from, other_to);
        }
    }
}

template <typename T>
void remove_all(std::vector<T>& from, const std::vector<T>& drop) {
    std::erase_if(from, [&](const T& x) { return std::find(drop.begin(), drop.end(), x) != drop.end(); });
}

}  // namespace

void check_rename_collisions(MergeContext& ctx, const model::Schema& base, const model::Schema& ours,
                             SideRenames& ours_renames, const model::Schema& theirs, SideRenames& theirs_renames) {
    SideRenames o = collisions(ctx, base, ours, ours_renames, theirs, theirs_renames, true);
    SideRenames t = collisions(ctx, base, theirs, theirs_renames, ours, ours_renames, false);
    name_reuses(ctx, ours, ours_renames, theirs, theirs_renames, true, o, t);
    name_reuses(ctx, theirs, theirs_renames, ours, ours_renames, false, t, o);
    for (auto [renames, drop] : {std::pair{&ours_renames, &o}, std::pair{&theirs_renames, &t}}) {
        remove_all(renames->tables, drop->tables);
        remove_all(renames->indexes, drop->indexes);
        remove_all(renames->columns, drop->columns);
        remove_all(renames->constraints, drop->constraints);
    }
}

void reconcile_renames(MergeContext& ctx, SideRenames& ours, SideRenames& theirs) {
    auto qn = [](const model::QualifiedName& n) { return n.to_string(); };
    auto str = [](const std::string& n) { return n; };
    reconcile(ctx, ours.tables, theirs.tables,
              [](const model::QualifiedName& n) { return model::ObjectKey{model::ObjectKind::table, n.schema, n.name, "", ""}; },
              std::function<std::string(const model::QualifiedName&)>(qn));
    reconcile(ctx, ours.indexes, theirs.indexes,
              [](const model::QualifiedName& n) { return model::ObjectKey{model::ObjectKind::index, n.schema, n.name, "", ""}; },
              std::function<std::string(const model::QualifiedName&)>(qn));
    using Scoped = std::pair<model::QualifiedName, std::string>;
    reconcile(ctx, ours.columns, theirs.columns, [](const Scoped& s) { return column_key(s.first, s.second); },
              std::function<std::string(const std::string&)>(str));
    reconcile(ctx, ours.constraints, theirs.constraints,
              [](const Scoped& s) { return constraint_key(s.first, s.second); },
              std::function<std::string(const std::string&)>(str));
}

}  // namespace schemerge::diff::detail
