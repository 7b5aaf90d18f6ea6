#include "diff/two_way_diff.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "diff/diff_context.hpp"
#include "model/schema_privileges.hpp"

namespace schemerge::diff {

namespace detail {

model::ObjectKey key_of(const model::Namespace& ns) { return {model::ObjectKind::schema, "", ns.name, "", ""}; }
model::ObjectKey key_of(const model::Extension& extension) {
    return {model::ObjectKind::extension, "", extension.name, "", ""};
}
model::ObjectKey key_of(const model::TypeDef& type) {
    return {model::ObjectKind::type, type.name.schema, type.name.name, "", ""};
}
model::ObjectKey key_of(const model::Sequence& sequence) {
    return {model::ObjectKind::sequence, sequence.name.schema, sequence.name.name, "", ""};
}
model::ObjectKey key_of(const model::Table& table) {
    return {model::ObjectKind::table, table.name.schema, table.name.name, "", ""};
}
model::ObjectKey key_of(const model::Index& index) {
    return {model::ObjectKind::index, index.name.schema, index.name.name, "", ""};
}
model::ObjectKey key_of(const model::View& view) {
    return {view.materialized ? model::ObjectKind::materialized_view : model::ObjectKind::view, view.name.schema,
            view.name.name, "", ""};
}
model::ObjectKey key_of(const model::Function& function) {
    return {model::object_kind(function.kind), function.name.schema, function.name.name, "", function.identity_args()};
}
model::ObjectKey key_of(const model::Trigger& trigger) {
    return {model::ObjectKind::trigger, trigger.table.schema, trigger.name, trigger.table.name, ""};
}
model::ObjectKey key_of(const model::Policy& policy) {
    return {model::ObjectKind::policy, policy.table.schema, policy.name, policy.table.name, ""};
}
model::ObjectKey column_key(const model::QualifiedName& table, const std::string& column) {
    return {model::ObjectKind::column, table.schema, column, table.name, ""};
}
model::ObjectKey constraint_key(const model::QualifiedName& table, const std::string& constraint) {
    return {model::ObjectKind::constraint, table.schema, constraint, table.name, ""};
}

void diff_attributes(Context& ctx, const model::ObjectKey& key, ObjectRef before, ObjectRef after,
                     const model::AttributeSet& before_attributes, const model::AttributeSet& after_attributes) {
    if (before_attributes == after_attributes) {
        return;
    }
    std::vector<const model::AttributeDef*> defs;
    for (const auto* set : {&before_attributes, &after_attributes}) {
        for (const auto& entry : *set) {
            // Rows reported with their object's own change (alter_table, alter_column_options)
            // are compared where that change is decided.
            if (entry.def->compared && entry.def->diff == model::AttributeDiff::own &&
                std::find(defs.begin(), defs.end(), entry.def) == defs.end()) {
                defs.push_back(entry.def);
            }
        }
    }
    std::stable_sort(defs.begin(), defs.end(), [](const model::AttributeDef* a, const model::AttributeDef* b) {
        return std::tie(a->order, a->name) < std::tie(b->order, b->name);
    });
    for (const auto* def : defs) {
        const model::AttributeValue* b = before_attributes.find(*def);
        const model::AttributeValue* a = after_attributes.find(*def);
        if (b != nullptr && a != nullptr && *b == *a) {
            continue;
        }
        Change& change = ctx.emit(ChangeKind::set_attribute, key, before, after);
        change.attribute.def = def;
        if (b != nullptr) {
            change.attribute.before = *b;
        }
        if (a != nullptr) {
            change.attribute.after = *a;
        }
    }
}

void diff_privileges(Context& ctx, const model::ObjectKey& key, ObjectRef before, ObjectRef after,
                     const model::ObjectBase& before_meta, const model::ObjectBase& after_meta) {
    if (ctx.privileges && (before_meta.acl.tracked || after_meta.acl.tracked)) {
        const auto& traits = ctx.traits();
        if (traits.effective_acl(before_meta.acl, key.kind, key.name) !=
            traits.effective_acl(after_meta.acl, key.kind, key.name)) {
            ctx.emit(ChangeKind::set_privileges, key, before, after);
        }
    }
    if (ctx.owners && !before_meta.owner.empty() && !after_meta.owner.empty() &&
        before_meta.owner != after_meta.owner) {
        ctx.emit(ChangeKind::set_owner, key, before, after).owner = after_meta.owner;
    }
}

namespace {

// Kinds whose relative emission order is meaningful and must survive the sort:
// added columns keep declaration order within their table, enum values the order
// they must be added in, verbatim statements their source order.
enum class Grouping { by_key, by_table, by_object, by_emission };

Grouping grouping(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::add_column: return Grouping::by_table;
        case ChangeKind::add_enum_value: return Grouping::by_object;
        case ChangeKind::create_opaque:
        case ChangeKind::drop_opaque: return Grouping::by_emission;
        default: return Grouping::by_key;
    }
}

void sort_changes_impl(std::vector<Change>& changes) {
    std::vector<std::size_t> order(changes.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto less = [&](std::size_t a, std::size_t b) {
        const Change& x = changes[a];
        const Change& y = changes[b];
        if (x.kind != y.kind) {
            return x.kind < y.kind;
        }
        switch (grouping(x.kind)) {
            case Grouping::by_key:
                if (x.key != y.key) {
                    return x.key < y.key;
                }
                break;
            case Grouping::by_table: {
                auto tx = std::tie(x.key.schema, x.key.table);
                auto ty = std::tie(y.key.schema, y.key.table);
                if (tx != ty) {
                    return tx < ty;
                }
                break;
            }
            case Grouping::by_object: {
                auto ox = std::tie(x.key.kind, x.key.schema, x.key.name);
                auto oy = std::tie(y.key.kind, y.key.schema, y.key.name);
                if (ox != oy) {
                    return ox < oy;
                }
                break;
            }
            case Grouping::by_emission: break;
        }
        return a < b;
    };
    std::sort(order.begin(), order.end(), less);
    std::vector<Change> sorted;
    sorted.reserve(changes.size());
    for (std::size_t i : order) {
        sorted.push_back(std::move(changes[i]));
    }
    changes = std::move(sorted);
}

}  // namespace
}  // namespace detail

void sort_changes(std::vector<Change>& changes) { detail::sort_changes_impl(changes); }

bool compares_privileges(const model::Schema& from, const model::Schema& to, const DiffOptions& options) {
    return options.privileges == MetaTracking::when_both_carry && model::dialect_of({&from, &to}).plans_privileges &&
           model::carries_privileges(from) && model::carries_privileges(to);
}

bool compares_owners(const model::Schema& from, const model::Schema& to, const DiffOptions& options) {
    return options.owners == MetaTracking::when_both_carry && model::dialect_of({&from, &to}).plans_owners &&
           model::carries_owners(from) && model::carries_owners(to);
}

DiffResult diff(const model::Schema& from, const model::Schema& to, const DiffOptions& options) {
    detail::Context ctx{from, to, options, {}, {}, {}};
    ctx.privileges = compares_privileges(from, to, options);
    ctx.owners = compares_owners(from, to, options);
    detail::resolve_renames(ctx);
    detail::diff_namespaces_and_extensions(ctx);
    detail::diff_types(ctx);
    detail::diff_sequences(ctx);
    detail::diff_tables(ctx);
    detail::diff_indexes(ctx);
    detail::diff_views(ctx);
    detail::diff_routines(ctx);
    detail::diff_triggers_and_policies(ctx);
    detail::diff_default_privileges(ctx);
    detail::suggest_renames(ctx);
    sort_changes(ctx.changes);
    DiffResult result;
    result.changes.changes = std::move(ctx.changes);
    result.suggestions = std::move(ctx.suggestions);
    result.privileges_compared = ctx.privileges;
    result.owners_compared = ctx.owners;
    return result;
}

}  // namespace schemerge::diff
