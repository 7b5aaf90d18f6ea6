// Renames in a merge: each side's hinted renames (the two-way diff's rename_* changes)
// are applied to the base and to the other side before merging, so a table renamed on
// one side and changed on the other meets under its new name and takes both changes.
#include <set>

#include "diff/merge_context.hpp"

namespace schemerge::diff::detail {

SideRenames collect_renames(const model::Schema& base, const model::Schema& side_schema, const DiffOptions& options) {
    SideRenames out;
    DiffResult result = diff(base, side_schema, options);
    std::map<model::QualifiedName, model::QualifiedName> new_to_old;
    for (const auto& c : result.changes.changes) {
        if (c.kind == ChangeKind::rename_table) {
            model::QualifiedName now{c.key.schema, c.key.name};
            model::QualifiedName old{c.key.schema, c.detail};
            out.tables.emplace_back(old, now);
            new_to_old[now] = old;
        } else if (c.kind == ChangeKind::rename_index) {
            out.indexes.emplace_back(model::QualifiedName{c.key.schema, c.detail},
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
            out.columns.push_back({{old_table(c.key), c.detail}, c.key.name});
        } else if (c.kind == ChangeKind::rename_constraint) {
            out.constraints.push_back({{old_table(c.key), c.detail}, c.key.name});
        }
    }
    return out;
}

namespace {

template <typename V>
void rename_all(std::vector<V>& v, const std::string& from, const std::string& to) {
    for (auto& x : v) {
        if (x == from) {
            x = to;
        }
    }
}

template <typename K, typename V, typename Fix>
void rekey(std::map<K, V>& m, Fix fix) {
    std::map<K, V> out;
    for (auto& [k, v] : m) {
        K key = k;
        fix(key, v);
        out.emplace(std::move(key), std::move(v));
    }
    m = std::move(out);
}

void rename_table(model::Schema& s, const model::QualifiedName& from, const model::QualifiedName& to) {
    auto node = s.tables.extract(from);
    if (node.empty() || s.tables.contains(to)) {
        if (!node.empty()) {
            s.tables.insert(std::move(node));
        }
        return;
    }
    node.key() = to;
    node.mapped().name = to;
    s.tables.insert(std::move(node));
    auto fix = [&](model::QualifiedName& n) {
        if (n == from) {
            n = to;
        }
    };
    for (auto& [n, t] : s.tables) {
        for (auto& c : t.constraints) {
            fix(c.ref_table);
        }
        for (auto& i : t.inherits) {
            fix(i);
        }
        if (t.partition_of) {
            fix(*t.partition_of);
        }
    }
    for (auto& [n, i] : s.indexes) {
        fix(i.table);
    }
    for (auto& [n, q] : s.sequences) {
        if (q.owned_by) {
            fix(q.owned_by->table);
        }
    }
    rekey(s.triggers, [&](model::TableScopedName& k, model::Trigger& v) {
        fix(k.table);
        fix(v.table);
    });
    rekey(s.policies, [&](model::TableScopedName& k, model::Policy& v) {
        fix(k.table);
        fix(v.table);
    });
}

void rename_column(model::Schema& s, const model::QualifiedName& table, const std::string& from, const std::string& to) {
    auto it = s.tables.find(table);
    if (it == s.tables.end() || it->second.find_column(from) == nullptr || it->second.find_column(to) != nullptr) {
        return;
    }
    model::Table& t = it->second;
    t.find_column(from)->name = to;
    for (auto& c : t.constraints) {
        rename_all(c.columns, from, to);
        rename_all(c.include, from, to);
    }
    for (auto& [n, other] : s.tables) {
        for (auto& c : other.constraints) {
            if (c.kind == model::ConstraintKind::foreign_key && c.ref_table == table) {
                rename_all(c.ref_columns, from, to);
            }
        }
    }
    for (auto& [n, i] : s.indexes) {
        if (i.table == table) {
            for (auto& e : i.elements) {
                if (e.column == from) {
                    e.column = to;
                }
            }
            rename_all(i.include, from, to);
        }
    }
    for (auto& [n, q] : s.sequences) {
        if (q.owned_by && q.owned_by->table == table && q.owned_by->column == from) {
            q.owned_by->column = to;
        }
    }
    for (auto& [n, tr] : s.triggers) {
        if (tr.table == table) {
            rename_all(tr.events.update_columns, from, to);
        }
    }
}

}  // namespace

void apply_renames(model::Schema& schema, const SideRenames& renames) {
    std::map<model::QualifiedName, model::QualifiedName> table_new;
    for (const auto& [from, to] : renames.tables) {
        rename_table(schema, from, to);
        table_new[from] = to;
    }
    auto current = [&](const model::QualifiedName& base_name) {
        auto it = table_new.find(base_name);
        return it == table_new.end() ? base_name : it->second;
    };
    for (const auto& [from, to] : renames.columns) {
        rename_column(schema, current(from.first), from.second, to);
    }
    for (const auto& [from, to] : renames.constraints) {
        auto it = schema.tables.find(current(from.first));
        if (it == schema.tables.end()) {
            continue;
        }
        model::Constraint* c = it->second.find_constraint(from.second);
        if (c != nullptr && it->second.find_constraint(to) == nullptr) {
            c->name = to;
            std::sort(it->second.constraints.begin(), it->second.constraints.end(),
                      [](const model::Constraint& a, const model::Constraint& b) { return a.name < b.name; });
        }
    }
    for (const auto& [from, to] : renames.indexes) {
        auto node = schema.indexes.extract(from);
        if (node.empty()) {
            continue;
        }
        if (schema.indexes.contains(to)) {
            schema.indexes.insert(std::move(node));
            continue;
        }
        node.key() = to;
        node.mapped().name = to;
        schema.indexes.insert(std::move(node));
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
