// Validation of the merged model as the engine would check it. A reference is reported
// only when it resolves in at least one input (base, ours or theirs) and not in the
// merged model: what none of the inputs could resolve (objects outside the loaded files,
// built-ins) is not the merge's doing.
#include <future>
#include <set>

#include "diff/merge_context.hpp"
#include "model/concurrency.hpp"
#include "model/dependency_graph.hpp"
#include "model/namespace_rules.hpp"

namespace schemerge::diff::detail {

namespace {

// base/ours/theirs are the inputs as loaded (a name the other side renamed resolves
// there, not in the merge); the renamed copies give the locations of merged objects.
struct Inputs {
    const model::Schema& merged;
    const model::Schema& base;
    const model::Schema& ours;
    const model::Schema& theirs;
    const model::Schema& renamed_ours;
    const model::Schema& renamed_theirs;
};

bool relation_in(const model::Schema& s, const model::QualifiedName& n) {
    return s.tables.contains(n) || s.views.contains(n) || s.sequences.contains(n);
}

bool function_in(const model::Schema& s, const model::QualifiedName& n) {
    auto it = s.functions.lower_bound(model::RoutineName{n, ""});
    return it != s.functions.end() && it->first.name == n;
}

// Does `column` exist on any of `relations` in `s` (tables' columns, views' output names)?
bool column_in(const model::Schema& s, const std::vector<model::QualifiedName>& relations, const std::string& column) {
    for (const auto& r : relations) {
        if (auto it = s.tables.find(r); it != s.tables.end() && it->second.find_column(column) != nullptr) {
            return true;
        }
        if (auto it = s.views.find(r); it != s.views.end()) {
            const auto& names = it->second.column_names;
            if (std::find(names.begin(), names.end(), column) != names.end()) {
                return true;
            }
        }
    }
    return false;
}

// The location of the object in the side that has it (the one that introduced the reference).
struct Where {
    model::SourceLocation ours;
    model::SourceLocation theirs;
};

void dangling(MergeContext& ctx, const model::ObjectKey& key, const std::string& attribute, const std::string& target,
              const Where& where, bool ours_has, bool theirs_has, const std::string& what) {
    ctx.report(ConflictKind::dangling_reference, key, attribute, side(target, {}),
               side(ours_has ? std::optional<std::string>(target) : std::nullopt, where.ours),
               side(theirs_has ? std::optional<std::string>(target) : std::nullopt, where.theirs),
               std::string(model::to_string(key.kind)) + " " + display_name(key) + " references " + what + " " +
                   target + ", which the merged schema no longer has.",
               "Drop or adapt the reference on the side that keeps it, or keep " + target + ".");
}

template <typename K, typename V>
Where where_of(const Inputs& in, const std::map<K, V> model::Schema::*member, const K& k) {
    Where w;
    if (const V* v = find_in(in.renamed_ours.*member, k)) {
        w.ours = v->meta.location;
    }
    if (const V* v = find_in(in.renamed_theirs.*member, k)) {
        w.theirs = v->meta.location;
    }
    return w;
}

void check_expression(MergeContext& ctx, const Inputs& in, const model::ObjectKey& key, const std::string& attribute,
                      const model::Expression& expr, const std::vector<model::QualifiedName>& column_scope,
                      const Where& where) {
    for (const auto& r : expr.relations) {
        if (!relation_in(in.merged, r) &&
            (relation_in(in.base, r) || relation_in(in.ours, r) || relation_in(in.theirs, r))) {
            dangling(ctx, key, attribute, r.to_string(), where, relation_in(in.ours, r), relation_in(in.theirs, r),
                     "relation");
        }
    }
    for (const auto& f : expr.functions) {
        if (!function_in(in.merged, f) &&
            (function_in(in.base, f) || function_in(in.ours, f) || function_in(in.theirs, f))) {
            dangling(ctx, key, attribute, f.to_string(), where, function_in(in.ours, f), function_in(in.theirs, f),
                     "function");
        }
    }
    std::vector<model::QualifiedName> scope = column_scope;
    scope.insert(scope.end(), expr.relations.begin(), expr.relations.end());
    std::set<std::string> reported;
    for (const auto& c : expr.columns) {
        if (reported.contains(c) || column_in(in.merged, scope, c)) {
            continue;
        }
        bool o = column_in(in.ours, scope, c);
        bool t = column_in(in.theirs, scope, c);
        if (o || t || column_in(in.base, scope, c)) {
            reported.insert(c);
            dangling(ctx, key, attribute, c, where, o, t, "column");
        }
    }
}

void check_columns_exist(MergeContext& ctx, const Inputs& in, const model::ObjectKey& key, const std::string& attribute,
                         const model::QualifiedName& table, const std::vector<std::string>& columns, const Where& where) {
    std::vector<model::QualifiedName> scope{table};
    for (const auto& c : columns) {
        if (c.empty() || column_in(in.merged, scope, c) ||
            !(column_in(in.base, scope, c) || column_in(in.ours, scope, c) || column_in(in.theirs, scope, c))) {
            continue;
        }
        dangling(ctx, key, attribute, table.to_string() + "." + c, where, column_in(in.ours, scope, c),
                 column_in(in.theirs, scope, c), "column");
    }
}

// Columns a function body names (the front end's body analysis says when a column counts
// as named: model::BodyDependencies):
// reported when the base had the column, the merged relation does not (one side dropped
// or renamed it), and no side already pairs this very body with the column's absence
// (a side that dropped the column and left the body as it is was broken before the
// merge: not the merge's doing).
void check_body_columns(MergeContext& ctx, const Inputs& in, const model::RoutineName& name,
                        const model::Function& function,
                        const std::vector<std::pair<model::QualifiedName, std::string>>& columns,
                        const Where& where) {
    const model::ObjectKey key = key_of(function);
    for (const auto& [relation, column] : columns) {
        const std::vector<model::QualifiedName> scope{relation};
        if (!relation_in(in.merged, relation) || column_in(in.merged, scope, column) ||
            !column_in(in.base, scope, column)) {
            continue;
        }
        bool already = false;
        for (const model::Schema* s : {&in.ours, &in.theirs}) {
            const model::Function* f = find_in(s->functions, name);
            already = already || (f != nullptr && same_definition(*f, function) && !column_in(*s, scope, column));
        }
        if (already) {
            continue;
        }
        const std::string target = relation.to_string() + "." + column;
        // The side without the column points at its table (where the column is gone), the
        // side with it at the body.
        auto side_of = [&](const model::Schema& s, const model::SourceLocation& function_at) {
            if (column_in(s, scope, column)) {
                return side(target, function_at);
            }
            // The statement that dropped the column (changed_at: ALTER TABLE … DROP COLUMN in
            // a migration directory) when known, else the table's definition.
            const model::Table* t = find_in(s.tables, relation);
            if (t == nullptr) {
                return side(std::nullopt, function_at);
            }
            return side(std::nullopt, t->meta.changed_at.known() ? t->meta.changed_at : t->meta.location);
        };
        bool ours_lacks = !column_in(in.ours, scope, column);
        bool theirs_lacks = !column_in(in.theirs, scope, column);
        std::string who = ours_lacks && theirs_lacks ? "both sides" : (ours_lacks ? "ours" : "theirs");
        ctx.report(ConflictKind::dangling_reference, key, "body", side(target, {}), side_of(in.ours, where.ours),
                   side_of(in.theirs, where.theirs),
                   std::string(model::to_string(key.kind)) + " " + display_name(key) + " references column " + target +
                       ", which " + who + " dropped or renamed; the merged schema no longer has it.",
                   "Adapt the body on the side that still names " + column + ", or keep column " + target + ".");
    }
}

// The column sets of each table's PK/UNIQUE constraints and plain unique indexes without a
// predicate: what a foreign key may reference. Built once per schema (FKs x indexes would
// be quadratic on large schemas).
using UniqueKeys = std::map<model::QualifiedName, std::vector<std::set<std::string>>>;

UniqueKeys unique_keys(const model::Schema& s) {
    UniqueKeys out;
    for (const auto& [n, t] : s.tables) {
        for (const auto& c : t.constraints) {
            if (c.kind == model::ConstraintKind::primary_key || c.kind == model::ConstraintKind::unique) {
                out[n].emplace_back(c.columns.begin(), c.columns.end());
            }
        }
    }
    for (const auto& [n, i] : s.indexes) {
        if (!i.unique || !i.predicate.empty()) {
            continue;
        }
        std::set<std::string> cols;
        bool plain = true;
        for (const auto& e : i.elements) {
            plain = plain && !e.column.empty();
            cols.insert(e.column);
        }
        if (plain) {
            out[i.table].push_back(std::move(cols));
        }
    }
    return out;
}

bool has_unique_key(const UniqueKeys& keys, const model::QualifiedName& table, const std::vector<std::string>& columns) {
    auto it = keys.find(table);
    if (it == keys.end()) {
        return false;
    }
    std::set<std::string> wanted(columns.begin(), columns.end());
    return std::find(it->second.begin(), it->second.end(), wanted) != it->second.end();
}

void validate_tables(MergeContext& ctx, const Inputs& in) {
    // Built lazily: only schemas with foreign keys need them.
    std::optional<UniqueKeys> merged_keys;
    std::optional<UniqueKeys> ours_keys;
    std::optional<UniqueKeys> theirs_keys;
    auto keys = [](std::optional<UniqueKeys>& cache, const model::Schema& s) -> const UniqueKeys& {
        if (!cache) {
            cache = unique_keys(s);
        }
        return *cache;
    };
    for (const auto& [name, table] : in.merged.tables) {
        Where table_where = where_of(in, &model::Schema::tables, name);
        std::vector<model::QualifiedName> self{name};
        for (const auto& column : table.columns) {
            model::ObjectKey key = column_key(name, column.name);
            if (column.default_value) {
                check_expression(ctx, in, key, "default", *column.default_value, self, table_where);
            }
            if (column.generated != model::GeneratedKind::none) {
                check_expression(ctx, in, key, "generated", *column.generation, self, table_where);
            }
        }
        for (const auto& c : table.constraints) {
            model::ObjectKey key = constraint_key(name, c.name);
            Where where{c.meta.location, c.meta.location};
            auto loc = [&](const model::Schema& s) {
                const model::Table* t = find_in(s.tables, name);
                const model::Constraint* x = t != nullptr ? t->find_constraint(c.name) : nullptr;
                return x != nullptr ? x->meta.location : model::SourceLocation{};
            };
            where = Where{loc(in.renamed_ours), loc(in.renamed_theirs)};
            check_columns_exist(ctx, in, key, "columns", name, c.columns, where);
            if (c.kind == model::ConstraintKind::check) {
                check_expression(ctx, in, key, "check", c.check, self, where);
            }
            if (c.kind != model::ConstraintKind::foreign_key) {
                continue;
            }
            if (!in.merged.tables.contains(c.ref_table)) {
                if (relation_in(in.base, c.ref_table) || relation_in(in.ours, c.ref_table) ||
                    relation_in(in.theirs, c.ref_table)) {
                    dangling(ctx, key, "references", c.ref_table.to_string(), where,
                             in.ours.tables.contains(c.ref_table), in.theirs.tables.contains(c.ref_table), "table");
                }
                continue;
            }
            std::size_t before = ctx.conflicts.size();
            check_columns_exist(ctx, in, key, "references", c.ref_table, c.ref_columns, where);
            if (ctx.conflicts.size() != before || c.ref_columns.empty()) {
                continue;
            }
            if (!has_unique_key(keys(merged_keys, in.merged), c.ref_table, c.ref_columns) &&
                (has_unique_key(keys(ours_keys, in.ours), c.ref_table, c.ref_columns) ||
                 has_unique_key(keys(theirs_keys, in.theirs), c.ref_table, c.ref_columns))) {
                std::string target = c.ref_table.to_string() + "(" + [&] {
                    std::string s;
                    for (const auto& r : c.ref_columns) {
                        s += (s.empty() ? "" : ", ") + r;
                    }
                    return s;
                }() + ")";
                ctx.report(ConflictKind::constraint_invalidated, key, "references", side(target, {}),
                           side(has_unique_key(keys(ours_keys, in.ours), c.ref_table, c.ref_columns) ? "unique" : "not unique",
                                where.ours),
                           side(has_unique_key(keys(theirs_keys, in.theirs), c.ref_table, c.ref_columns) ? "unique" : "not unique",
                                where.theirs),
                           "Foreign key " + display_name(key) + " references " + target +
                               ", which has no primary key or unique constraint in the merged schema.",
                           "Keep a unique constraint on " + target + ", or drop the foreign key.");
            }
        }
    }
}

void validate_other(MergeContext& ctx, const Inputs& in) {
    for (const auto& [name, view] : in.merged.views) {
        check_expression(ctx, in, key_of(view), "query", view.query, {}, where_of(in, &model::Schema::views, name));
    }
    for (const auto& [name, index] : in.merged.indexes) {
        model::ObjectKey key = key_of(index);
        Where where = where_of(in, &model::Schema::indexes, name);
        if (!in.merged.tables.contains(index.table) && !in.merged.views.contains(index.table)) {
            dangling(ctx, key, "table", index.table.to_string(), where, relation_in(in.ours, index.table),
                     relation_in(in.theirs, index.table), "table");
            continue;
        }
        std::vector<std::string> columns = index.include;
        std::vector<model::QualifiedName> self{index.table};
        for (const auto& e : index.elements) {
            columns.push_back(e.column);
            if (!e.expression.empty()) {
                check_expression(ctx, in, key, "key", e.expression, self, where);
            }
        }
        check_columns_exist(ctx, in, key, "columns", index.table, columns, where);
        if (!index.predicate.empty()) {
            check_expression(ctx, in, key, "predicate", index.predicate, self, where);
        }
    }
    for (const auto& [name, trigger] : in.merged.triggers) {
        model::ObjectKey key = key_of(trigger);
        Where where = where_of(in, &model::Schema::triggers, name);
        if (!relation_in(in.merged, trigger.table)) {
            dangling(ctx, key, "table", trigger.table.to_string(), where, relation_in(in.ours, trigger.table),
                     relation_in(in.theirs, trigger.table), "table");
        }
        if (!function_in(in.merged, trigger.function) &&
            (function_in(in.base, trigger.function) || function_in(in.ours, trigger.function) ||
             function_in(in.theirs, trigger.function))) {
            dangling(ctx, key, "function", trigger.function.to_string(), where, function_in(in.ours, trigger.function),
                     function_in(in.theirs, trigger.function), "function");
        }
    }
    // Operators: their function and selectivity estimators (by name, as the dependency
    // graph finds them); a commutator or negator is not needed (the engine makes a shell).
    for (const auto& [name, op] : in.merged.functions) {
        if (op.kind != model::RoutineKind::operator_) {
            continue;
        }
        Where where = where_of(in, &model::Schema::functions, name);
        for (const auto& [option, value] : op.operator_options) {
            if (option != "function" && option != "restrict" && option != "join") {
                continue;
            }
            model::QualifiedName f = model::ObjectResolver::parse_name(value);
            if (!function_in(in.merged, f) &&
                (function_in(in.base, f) || function_in(in.ours, f) || function_in(in.theirs, f))) {
                dangling(ctx, key_of(op), option, f.to_string(), where, function_in(in.ours, f),
                         function_in(in.theirs, f), "function");
            }
        }
    }
    // Operator classes and families: the operators and functions their members name.
    for (const auto& [name, opclass] : in.merged.functions) {
        if (!model::is_opclass_kind(opclass.kind)) {
            continue;
        }
        Where where = where_of(in, &model::Schema::functions, name);
        for (const auto& [member, value] : opclass.operator_options) {
            bool is_operator = member.starts_with("operator ");
            if (!is_operator && !member.starts_with("function ")) {
                continue;
            }
            std::string target = value.substr(0, value.find(is_operator ? " FOR ORDER BY " : "("));
            model::QualifiedName f = model::ObjectResolver::parse_name(target);
            if (!function_in(in.merged, f) &&
                (function_in(in.base, f) || function_in(in.ours, f) || function_in(in.theirs, f))) {
                dangling(ctx, key_of(opclass), member, f.to_string(), where, function_in(in.ours, f),
                         function_in(in.theirs, f), is_operator ? "operator" : "function");
            }
        }
    }
    for (const auto& [name, policy] : in.merged.policies) {
        model::ObjectKey key = key_of(policy);
        Where where = where_of(in, &model::Schema::policies, name);
        if (!in.merged.tables.contains(policy.table)) {
            dangling(ctx, key, "table", policy.table.to_string(), where, relation_in(in.ours, policy.table),
                     relation_in(in.theirs, policy.table), "table");
            continue;
        }
        std::vector<model::QualifiedName> self{policy.table};
        check_expression(ctx, in, key, "using", policy.using_expr, self, where);
        check_expression(ctx, in, key, "with check", policy.check_expr, self, where);
    }
    for (const auto& [name, sequence] : in.merged.sequences) {
        if (!sequence.owned_by) {
            continue;
        }
        Where where = where_of(in, &model::Schema::sequences, name);
        check_columns_exist(ctx, in, key_of(sequence), "owned by", sequence.owned_by->table,
                            {sequence.owned_by->column}, where);
    }
    // Trigger functions: the tables whose triggers run each one (NEW / OLD are their rows).
    std::map<model::QualifiedName, std::set<model::QualifiedName>> trigger_tables;
    for (const auto& [name, trigger] : in.merged.triggers) {
        trigger_tables[trigger.function].insert(trigger.table);
    }
    for (const auto& [name, function] : in.merged.functions) {
        const model::BodyDependencies& body = function.body_dependencies;
        if (!body.analysed) {
            continue;  // best effort: a body the front end could not read is not a conflict
        }
        std::optional<model::QualifiedName> trigger_table;
        if (auto it = trigger_tables.find(function.name); it != trigger_tables.end() && it->second.size() == 1) {
            trigger_table = *it->second.begin();
        }
        Where where = where_of(in, &model::Schema::functions, name);
        model::Expression expr;
        expr.relations = body.relations();
        check_expression(ctx, in, key_of(function), "body", expr, {}, where);
        check_body_columns(ctx, in, name, function, body.columns(trigger_table), where);
    }
}

// Names the engine keeps unique together (DialectTraits::namespaces, model/namespace_rules.hpp;
// PostgreSQL: relations, indexes and the indexes behind PRIMARY KEY / UNIQUE / EXCLUDE
// constraints, sequences and composite types share one namespace per schema). A name is
// keyed by its scope: {schema, name} per schema, {schema.table, name} per table, {"", name}
// database-wide.
using NamespaceUsers = std::map<model::QualifiedName, std::vector<std::pair<model::ObjectKey, model::SourceLocation>>>;

model::QualifiedName scoped(const model::NamespaceRule& rule, const model::QualifiedName& name,
                            const model::QualifiedName& table) {
    switch (rule.scope) {
        case model::NameScope::table: return {table.to_string(), name.name};
        case model::NameScope::database: return {"", name.name};
        case model::NameScope::schema: break;
    }
    return name;
}

// Visits every name of `s` that `rule` covers with a function making its key and location
// (tables each followed by their constraints, views, indexes, sequences, composite types,
// triggers, policies).
template <typename Visit>
void for_each_name(const model::Schema& s, const model::NamespaceRule& rule, Visit&& visit) {
    auto in_rule = [&](model::NameKind kind) {
        return std::find(rule.members.begin(), rule.members.end(), kind) != rule.members.end();
    };
    const bool tables = in_rule(model::NameKind::table);
    const bool key_constraints = in_rule(model::NameKind::key_constraint);
    const bool other_constraints = in_rule(model::NameKind::other_constraint);
    for (const auto& [n, t] : s.tables) {
        if (tables) {
            visit(scoped(rule, n, n), [&] { return std::pair{key_of(t), t.meta.location}; });
        }
        if (!key_constraints && !other_constraints) {
            continue;
        }
        for (const auto& c : t.constraints) {
            if (model::name_kind(c) == model::NameKind::key_constraint ? key_constraints : other_constraints) {
                visit(scoped(rule, model::QualifiedName{n.schema, c.name}, n),
                      [&] { return std::pair{constraint_key(n, c.name), c.meta.location}; });
            }
        }
    }
    for (const auto& [n, v] : s.views) {
        if (in_rule(v.materialized ? model::NameKind::materialized_view : model::NameKind::view)) {
            visit(scoped(rule, n, n), [&] { return std::pair{key_of(v), v.meta.location}; });
        }
    }
    if (in_rule(model::NameKind::index)) {
        for (const auto& [n, i] : s.indexes) {
            visit(scoped(rule, n, i.table), [&] { return std::pair{key_of(i), i.meta.location}; });
        }
    }
    if (in_rule(model::NameKind::sequence)) {
        for (const auto& [n, q] : s.sequences) {
            visit(scoped(rule, n, n), [&] { return std::pair{key_of(q), q.meta.location}; });
        }
    }
    if (in_rule(model::NameKind::composite_type)) {
        for (const auto& [n, t] : s.types) {
            if (t.kind == model::TypeKind::composite) {
                visit(scoped(rule, n, n), [&] { return std::pair{key_of(t), t.meta.location}; });
            }
        }
    }
    if (in_rule(model::NameKind::trigger)) {
        for (const auto& [n, t] : s.triggers) {
            visit(scoped(rule, {n.table.schema, n.name}, n.table), [&] { return std::pair{key_of(t), t.meta.location}; });
        }
    }
    if (in_rule(model::NameKind::policy)) {
        for (const auto& [n, p] : s.policies) {
            visit(scoped(rule, {n.table.schema, n.name}, n.table), [&] { return std::pair{key_of(p), p.meta.location}; });
        }
    }
}

// The users of the names in `wanted`. A large schema has one user per name: counting
// first keeps the full map (keys and locations of every relation, constraint index and
// sequence) from being built three times.
NamespaceUsers namespace_users(const model::Schema& s, const model::NamespaceRule& rule,
                               const std::set<model::QualifiedName>& wanted) {
    NamespaceUsers out;
    for_each_name(s, rule, [&](const model::QualifiedName& n, auto&& make) {
        if (wanted.contains(n)) {
            out[n].push_back(make());
        }
    });
    return out;
}

void validate_namespace(MergeContext& ctx, const Inputs& in, const model::NamespaceRule& rule) {
    std::set<model::QualifiedName> seen;
    std::set<model::QualifiedName> shared;
    for_each_name(in.merged, rule, [&](const model::QualifiedName& n, auto&&) {
        if (!seen.insert(n).second) {
            shared.insert(n);
        }
    });
    seen.clear();
    if (shared.empty()) {
        return;
    }
    auto ours = namespace_users(in.ours, rule, shared);
    auto theirs = namespace_users(in.theirs, rule, shared);
    for (const auto& [name, users] : namespace_users(in.merged, rule, shared)) {
        if (users.size() < 2) {
            continue;
        }
        auto in_side = [&](const auto& side_names) {
            auto it = side_names.find(name);
            return it != side_names.end() && it->second.size() >= 2;
        };
        if (in_side(ours) || in_side(theirs)) {
            continue;  // already so on one side: not the merge's doing
        }
        auto located = [&](const auto& side_names) -> SideValue {
            auto it = side_names.find(name);
            if (it == side_names.end()) {
                return side(std::nullopt, {});
            }
            return side(std::string(model::to_string(it->second[0].first.kind)) + " " + name.to_string(),
                        it->second[0].second);
        };
        const model::ObjectKey& key = users[0].first;
        ctx.report(ConflictKind::name_collision, key, "name", side(std::nullopt, {}), located(ours), located(theirs),
                   "The merged schema has " + std::to_string(users.size()) + " " + std::string(rule.noun) +
                       " named " + name.to_string() + " (" + std::string(model::to_string(users[0].first.kind)) +
                       " and " + std::string(model::to_string(users[1].first.kind)) + "); " +
                       std::string(rule.explanation),
                   "Rename one of them on its side.");
    }
}

void validate_names(MergeContext& ctx, const Inputs& in) {
    for (const auto& rule : ctx.traits().namespaces) {
        if (model::can_collide(rule)) {
            validate_namespace(ctx, in, rule);
        }
    }
}

}  // namespace

void validate(MergeContext& ctx, const model::Schema& merged, const Sides& loaded, const Sides& renamed) {
    Inputs in{merged, loaded.base, loaded.ours, loaded.theirs, renamed.ours, renamed.theirs};
    // The checks only read the schemas: views, indexes and the rest are checked on a
    // second thread into a context of their own while the tables are checked here; their
    // conflicts follow the tables' as if checked after them.
    MergeContext other_ctx = ctx.beside();
    auto other = std::async(model::launch_policy(), [&other_ctx, &in] { validate_other(other_ctx, in); });
    validate_tables(ctx, in);
    other.get();
    ctx.adopt(std::move(other_ctx.conflicts));
    validate_names(ctx, in);
}

}  // namespace schemerge::diff::detail
